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
/// <remarks>
/// A connection belongs to the login session it was opened with and is aborted when that session
/// ends (see <see cref="LiveSessions"/>): the cookie is checked when the connection opens, not on
/// each message, so ending the session must end the connection too.
/// </remarks>
public sealed class DispatchHub(LiveSessions live) : Hub
{
    public const string Path = "/hubs/dispatch";

    public static string GroupOf(long jurisdictionId) => "j:" + jurisdictionId.ToString(CultureInfo.InvariantCulture);

    public override async Task OnConnectedAsync()
    {
        // Every login carries a session id; a principal without one cannot be ended, so it is refused.
        if (!live.Opened(Context))
        {
            Context.Abort();
            return;
        }
        if (long.TryParse(Context.User?.FindFirst(PlatformClaims.Jurisdiction)?.Value, out var jurisdiction))
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(jurisdiction));
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        live.Closed(Context);
        return base.OnDisconnectedAsync(exception);
    }
}
