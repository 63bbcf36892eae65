using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using FireCommand.Core.Data;
using FireCommand.Web.Security;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Security;

/// <summary>
/// An ended session loses its live channel too, not only its HTTP requests. The consoles here use
/// WebSockets, the transport that authenticates once and then stays open: a long-polling console
/// would be cut by its next poll's cookie check anyway. Each test opens a second console of the same
/// user whose session goes on, and drives an alarm that both would hear, so "closed and hears
/// nothing" is told apart from "nothing was sent".
/// </summary>
public abstract class LiveSessionTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    private sealed record LiveConsole(CookieBrowser Browser, HubConnection Hub, Channel<JsonElement> Incidents,
        TaskCompletionSource Closed, LiveSessions.SessionKey Session) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Hub.DisposeAsync();
    }

    [Fact]
    public async Task Logout_ClosesTheSessionsLiveConnection_AndItHearsNoLaterChange()
    {
        using var taker = await Demo("dispatcher1");
        var (lat, lon, _) = await SomewhereAsync(taker);
        await using var leaving = await ConsoleAsync("dispatcher1");
        await using var staying = await ConsoleAsync("dispatcher1");
        using var wait = Timeout();

        Assert.Equal(HttpStatusCode.NoContent, (await leaving.Browser.SendAsync(HttpMethod.Post, "/api/auth/logout", new { })).StatusCode);
        // Ended by the logout itself, not left to the watch's next sweep.
        Assert.DoesNotContain(leaving.Session, Live.Sessions);

        await leaving.Closed.Task.WaitAsync(wait.Token);
        await AssertOnlyTheStayingConsoleHearsAsync(taker, lat, lon, leaving, staying, wait.Token);
    }

    [Fact]
    public async Task SessionEndedOnAnotherNode_IsCutByTheWatch_AndTheUsersOtherSessionKeepsItsChannel()
    {
        using var taker = await Demo("dispatcher1");
        var (lat, lon, _) = await SomewhereAsync(taker);
        await using var leaving = await ConsoleAsync("dispatcher1");
        await using var staying = await ConsoleAsync("dispatcher1");
        using var wait = Timeout();

        // Another node's logout: the session's row is gone, and this node was not told.
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
            Assert.Equal(1, await db.UserTokens.Where(t => t.LoginProvider == SessionRegistry.Provider &&
                t.UserId == leaving.Session.UserId && t.Name == leaving.Session.SessionId).ExecuteDeleteAsync(wait.Token));
        }

        // The watch's periodic sweep, run now instead of waiting for its timer.
        await Host.Factory.Services.GetRequiredService<LiveSessionWatch>().SweepAsync(wait.Token);
        await leaving.Closed.Task.WaitAsync(wait.Token);
        Assert.Equal(HubConnectionState.Connected, staying.Hub.State);
        await AssertOnlyTheStayingConsoleHearsAsync(taker, lat, lon, leaving, staying, wait.Token);
    }

    [Fact]
    public async Task PasswordChange_ClosesTheUsersOtherLiveConnections()
    {
        using var admin = await Admin();
        var (_, _, jurisdiction) = await SomewhereAsync(admin);
        var name = "live" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/admin/users", new
        {
            userName = name, displayName = "值班员", role = "Dispatcher", jurisdictionId = jurisdiction, password = "Live#Pass-2026",
        })).StatusCode);
        await using var other = await ConsoleAsync(name, "Live#Pass-2026");
        await using var here = await ConsoleAsync(name, "Live#Pass-2026");
        using var wait = Timeout();

        Assert.Equal(HttpStatusCode.NoContent, (await here.Browser.SendAsync(HttpMethod.Post, "/api/auth/password",
            new { currentPassword = "Live#Pass-2026", newPassword = "Live#Pass-2027" })).StatusCode);
        Assert.DoesNotContain(other.Session, Live.Sessions);
        Assert.Contains(here.Session, Live.Sessions);

        await other.Closed.Task.WaitAsync(wait.Token);
        Assert.Equal(HubConnectionState.Connected, here.Hub.State);
    }

    /// <summary>
    /// Takes an alarm both consoles would hear, waits until the staying one hears it, and checks the
    /// closed one heard nothing of it: it is disconnected and its channel holds no such incident.
    /// </summary>
    private static async Task AssertOnlyTheStayingConsoleHearsAsync(ApiClient taker, double lat, double lon,
        LiveConsole closed, LiveConsole staying, CancellationToken ct)
    {
        var number = (await TakeAlarmAsync(taker, lat, lon, "会话结束后的警情"))["number"]!.GetValue<string>();
        while ((await staying.Incidents.Reader.ReadAsync(ct)).GetProperty("number").GetString() != number) { }
        Assert.Equal(HubConnectionState.Disconnected, closed.Hub.State);
        while (closed.Incidents.Reader.TryRead(out var e)) Assert.NotEqual(number, e.GetProperty("number").GetString());
    }

    private LiveSessions Live => Host.Factory.Services.GetRequiredService<LiveSessions>();

    private static CancellationTokenSource Timeout()
    {
        var wait = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        wait.CancelAfter(TimeSpan.FromSeconds(60));
        return wait;
    }

    private async Task<LiveConsole> ConsoleAsync(string user, string password = PlatformFactory.DemoPassword)
    {
        using var probe = Anonymous(); // skips (or fails under REQUIRE_ALL) without the database
        var server = Host.Factory.Server;
        var browser = new CookieBrowser(Host.Factory.CreateClient(new() { HandleCookies = false }), new CookieJar());
        Assert.Equal(HttpStatusCode.OK, await browser.LoginAsync(user, password));
        var before = Live.Sessions.ToHashSet();

        var incidents = Channel.CreateUnbounded<JsonElement>();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/dispatch"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (context, ct) =>
                {
                    var client = server.CreateWebSocketClient();
                    client.ConfigureRequest = r => r.Headers.Cookie = browser.Jar.Header;
                    return await client.ConnectAsync(context.Uri, ct);
                };
            })
            .Build();
        hub.On<JsonElement>("incidentChanged", e => incidents.Writer.TryWrite(e));
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await hub.StartAsync();
        // The handshake answers before the hub's OnConnectedAsync has run; the connection's session is
        // the one that appears among the tracked ones.
        using var wait = Timeout();
        LiveSessions.SessionKey[] added;
        while ((added = [.. Live.Sessions.Where(s => !before.Contains(s))]).Length == 0) await Task.Delay(10, wait.Token);
        var session = Assert.Single(added);
        return new LiveConsole(browser, hub, incidents, closed, session);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteLiveSessionTests(SqliteHost host) : LiveSessionTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresLiveSessionTests(PostgresHost host) : LiveSessionTests<PostgresHost>(host);
