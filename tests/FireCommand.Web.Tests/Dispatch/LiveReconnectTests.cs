using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Dispatch;

/// <summary>
/// A console whose live channel drops and comes back: it hears changes again on the new
/// connection, and what changed while it was away is caught up by reloading from the API, which is
/// what the consoles do on SignalR's reconnect ('resync' in shared/live.js). The hub itself keeps no
/// backlog: nothing missed is replayed over the channel.
/// </summary>
public abstract class LiveReconnectTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Fact]
    public async Task DroppedConsole_ReconnectsWithItsSession_CatchesUpFromTheApi_AndHearsNewChanges()
    {
        using var taker = await Demo("dispatcher1");
        var (lat, lon, _) = await SomewhereAsync(taker);
        var (hub, events) = await ConsoleAsync("dispatcher1");
        await using var _ = hub;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        wait.CancelAfter(TimeSpan.FromSeconds(60));

        var before = (await TakeAlarmAsync(taker, lat, lon, "重连测试 断线前"))["number"]!.GetValue<string>();
        await LongPollingConsole.NextFor(events, before, wait.Token);

        await hub.StopAsync(wait.Token);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
        var missed = await TakeAlarmAsync(taker, lat, lon, "重连测试 断线中");
        var raised = await taker.PostAsync($"/api/incidents/{await IdOf(taker, before)}/escalate", new { fireLevel = 3 });
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);

        await hub.StartAsync(wait.Token);
        Assert.Equal(HubConnectionState.Connected, hub.State);

        // The catch-up the console makes on reconnect: its list reloaded from the API.
        var list = (await taker.GetJsonAsync("/api/incidents")).AsArray();
        Assert.Contains(list, i => i!["number"]!.GetValue<string>() == missed["number"]!.GetValue<string>());
        Assert.Equal(3, list.Single(i => i!["number"]!.GetValue<string>() == before)!["fireLevel"]!.GetValue<int>());

        // And the new connection is in the jurisdiction's group again.
        var after = (await TakeAlarmAsync(taker, lat, lon, "重连测试 重连后"))["number"]!.GetValue<string>();
        var heard = await LongPollingConsole.NextFor(events, after, wait.Token);
        Assert.Equal("重连测试 重连后", heard.GetProperty("address").GetString());
    }

    private static async Task<long> IdOf(ApiClient client, string number) =>
        (await client.GetJsonAsync("/api/incidents")).AsArray().Single(i => i!["number"]!.GetValue<string>() == number)!["id"]!.GetValue<long>();

    private async Task<(HubConnection Hub, Channel<JsonElement> Incidents)> ConsoleAsync(string user)
    {
        using var probe = Anonymous(); // skips (or fails under REQUIRE_ALL) without the database
        return await LongPollingConsole.ConnectAsync(Host.Factory, user);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteLiveReconnectTests(SqliteHost host) : LiveReconnectTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresLiveReconnectTests(PostgresHost host) : LiveReconnectTests<PostgresHost>(host);
