using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace FireCommand.Web.Tests.Dispatch;

/// <summary>A second console hears changes in its jurisdiction as they commit, and nothing outside it.</summary>
[Collection(SqliteCollection.Name)]
public sealed class RealTimeTests(SqliteHost host) : PlatformTest<SqliteHost>(host)
{
    private Task<(HubConnection Hub, Channel<JsonElement> Incidents)> ConsoleAsync(string user) =>
        LongPollingConsole.ConnectAsync(Host.Factory, user);

    [Fact]
    public async Task NewIncident_ReachesConsolesOfItsJurisdiction_AndNotOthers()
    {
        var (local, localEvents) = await ConsoleAsync("dispatcher1");
        var (other, otherEvents) = await ConsoleAsync("dispatcher2");
        var (corps, corpsEvents) = await ConsoleAsync("commander");
        try
        {
            using var taker = await Demo("dispatcher1");
            var station = (await taker.GetJsonAsync("/api/stations")).AsArray()[0]!;
            var response = await taker.PostAsync("/api/alarms", new
            {
                type = "Rescue", subtype = "电梯困人", latitude = station["latitude"]!.GetValue<double>() + 0.001,
                longitude = station["longitude"]!.GetValue<double>() + 0.001, address = "实时推送测试",
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var number = (await ApiClient.ReadJsonAsync(response))["incident"]!["number"]!.GetValue<string>();

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            wait.CancelAfter(TimeSpan.FromSeconds(30));
            Assert.Equal(number, (await LongPollingConsole.NextFor(localEvents, number, wait.Token)).GetProperty("number").GetString());
            Assert.Equal(number, (await LongPollingConsole.NextFor(corpsEvents, number, wait.Token)).GetProperty("number").GetString());

            // Messages to one connection arrive in order: once the other console hears an alarm of its
            // own detachment, taken afterwards, it would already have heard the first one if it leaked.
            using var otherTaker = await Demo("dispatcher2");
            var own = (await otherTaker.GetJsonAsync("/api/stations")).AsArray()[0]!;
            var ownResponse = await otherTaker.PostAsync("/api/alarms", new
            {
                type = "Fire", latitude = own["latitude"]!.GetValue<double>() + 0.001,
                longitude = own["longitude"]!.GetValue<double>() + 0.001, address = "顺序标记",
            });
            var ownNumber = (await ApiClient.ReadJsonAsync(ownResponse))["incident"]!["number"]!.GetValue<string>();
            while (true)
            {
                var e = await otherEvents.Reader.ReadAsync(wait.Token);
                var heard = e.GetProperty("number").GetString();
                Assert.NotEqual(number, heard);
                if (heard == ownNumber) break;
            }
        }
        finally
        {
            await local.DisposeAsync();
            await other.DisposeAsync();
            await corps.DisposeAsync();
        }
    }
}
