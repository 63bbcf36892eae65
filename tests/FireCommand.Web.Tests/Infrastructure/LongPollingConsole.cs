using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace FireCommand.Web.Tests.Infrastructure;

/// <summary>
/// A dispatcher's console on the live channel, signed in as a browser would (anti-forgery token,
/// login cookie) and listening for one event (<c>incidentChanged</c> unless told) over long polling on
/// the in-memory server.
/// </summary>
public static class LongPollingConsole
{
    public static async Task<(HubConnection Hub, Channel<JsonElement> Incidents)> ConnectAsync(PlatformFactory factory, string user,
        string eventName = "incidentChanged")
    {
        var server = factory.Server;
        using var http = new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseAddress };
        var antiforgery = await http.GetAsync("/api/auth/antiforgery");
        var token = (await antiforgery.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { userName = user, password = PlatformFactory.DemoPassword }),
        };
        request.Headers.Add("X-XSRF-TOKEN", token);
        request.Headers.Add("Cookie", CookiesOf(antiforgery));
        var login = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = CookiesOf(login);

        var channel = Channel.CreateUnbounded<JsonElement>();
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/dispatch"), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        hub.On<JsonElement>(eventName, e => channel.Writer.TryWrite(e));
        await hub.StartAsync();
        return (hub, channel);
    }

    /// <summary>The next change heard for the incident with this number.</summary>
    public static async Task<JsonElement> NextFor(Channel<JsonElement> events, string number, CancellationToken ct)
    {
        while (true)
        {
            var e = await events.Reader.ReadAsync(ct);
            if (e.GetProperty("number").GetString() == number) return e;
        }
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
}
