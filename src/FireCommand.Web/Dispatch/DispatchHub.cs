using System.Globalization;
using FireCommand.Web.Security;
using Microsoft.AspNetCore.SignalR;

namespace FireCommand.Web.Dispatch;

/// <summary>
/// The consoles' live channel. A connection joins the group of the user's jurisdiction; changes are
/// sent to the group of the record's jurisdiction and of every node above it, so a detachment
/// console hears its own brigades and a corps console hears everything. Clients only listen; every
/// action goes through the HTTP API, where it is authorised, validated and audited.
/// </summary>
public sealed class DispatchHub : Hub
{
    public const string Path = "/hubs/dispatch";

    public static string GroupOf(long jurisdictionId) => "j:" + jurisdictionId.ToString(CultureInfo.InvariantCulture);

    public override async Task OnConnectedAsync()
    {
        if (long.TryParse(Context.User?.FindFirst(PlatformClaims.Jurisdiction)?.Value, out var jurisdiction))
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(jurisdiction));
        await base.OnConnectedAsync();
    }
}
