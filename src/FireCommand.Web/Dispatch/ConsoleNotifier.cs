using FireCommand.Core.Security;
using Microsoft.AspNetCore.SignalR;

namespace FireCommand.Web.Dispatch;

/// <summary>
/// Pushes committed changes to the consoles that may see them. Called after the save, never
/// before: a console never shows what the database does not hold. Thread-safe.
/// </summary>
public sealed class ConsoleNotifier(IHubContext<DispatchHub> hub, JurisdictionDirectory directory)
{
    public const string IncidentChanged = "incidentChanged";
    public const string UnitChanged = "unitChanged";
    public const string TimerAlert = "timerAlert";

    public Task PublishAsync(string eventName, long jurisdictionId, object payload, CancellationToken ct = default) =>
        hub.Clients.Groups(directory.SelfAndAncestors(jurisdictionId).Select(DispatchHub.GroupOf).ToList())
            .SendAsync(eventName, payload, ct);
}
