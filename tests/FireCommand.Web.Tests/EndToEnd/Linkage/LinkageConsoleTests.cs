using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FireCommand.Web.Tests.EndToEnd.DispatchConsole;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd.Linkage;

/// <summary>
/// 三台联动 in the browser: a 110 centre's transfer appears on an open console with its source,
/// and a transfer out shows the partner's acknowledgement as it arrives, without a reload.
/// </summary>
public sealed class LinkageConsoleTests(KestrelHost host, ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    [Fact]
    public async Task PartnerTransfer_ArrivesOnTheConsole_AndTheAcknowledgementOfATransferOutFollows()
    {
        host.RequireStarted();
        using var admin = new ApiClient(new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = host.BaseAddress });
        await admin.SignedInAs(KestrelHost.AdminUserName, KestrelHost.AdminPassword);
        var root = (await admin.GetJsonAsync("/api/auth/me"))["jurisdiction"]!["id"]!.GetValue<long>();
        var police = await RegisterAsync(admin, "Police110", "江城公安110", root, ["transfer-in", "receive-transfers", "read-own"]);
        var station = (await admin.GetJsonAsync("/api/stations")).AsArray()[2]!;
        using var partner = new HttpClient { BaseAddress = host.BaseAddress };
        partner.DefaultRequestHeaders.Add("X-Partner-Key", police.Key);

        await using var chromium = await Chromium.LaunchAsync();
        var session = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher");
        var page = session.Page;
        await session.OpenConsoleAsync();

        // The 110 centre hands over a traffic accident; the console has not been reloaded.
        var transfer = await partner.PostAsJsonAsync("/api/linkage/transfers", new
        {
            caseReference = "JJ-E2E-1", type = "Rescue", subtype = "交通事故", address = "联动大道与滨江路口",
            description = "两车相撞，一人被困", callerNumber = "13700002222", callerName = "刘警官",
            latitude = station["latitude"]!.GetValue<double>() + 0.002, longitude = station["longitude"]!.GetValue<double>() + 0.002,
        });
        Assert.Equal(HttpStatusCode.Created, transfer.StatusCode);
        var answer = JsonNode.Parse(await transfer.Content.ReadAsStringAsync())!;
        var incidentId = answer["incidentId"]!.GetValue<long>();
        var row = page.Locator($"#incident-row-{incidentId}");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // The queue names a linked agency's call as such, as it arrived live…
        await Expect(row.Locator(".fc-queue__source")).ToHaveTextAsync("110 联动");
        await row.ClickAsync();
        await Expect(page.Locator("#incident-number")).ToHaveTextAsync(answer["incidentNumber"]!.GetValue<string>());
        await Expect(page.Locator("#incident-source")).ToHaveTextAsync("110 联动");
        var incoming = page.Locator("#transfers-list .fc-transfers__row");
        await Expect(incoming).ToHaveCountAsync(1);
        await Expect(incoming.First).ToHaveAttributeAsync("data-state", "Received");
        await Expect(incoming.First).ToContainTextAsync("转入");

        // The dispatcher hands the incident back to the same centre (its people must secure the road).
        await page.SelectOptionAsync("#transfer-partner", police.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#transfer-reason", "请110到场疏导交通");
        await page.ClickAsync("#transfer-send");
        var outgoing = page.Locator("#transfers-list .fc-transfers__row[data-state='Sent']");
        await Expect(outgoing).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(outgoing).ToContainTextAsync("已发送");
        var transferId = long.Parse(await outgoing.GetAttributeAsync("data-transfer-id") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

        // The partner polls its inbox and accepts; the console follows on the live channel.
        var inbox = JsonNode.Parse(await partner.GetStringAsync("/api/linkage/inbox"))!.AsArray();
        Assert.Contains(inbox, i => i!["transferId"]!.GetValue<long>() == transferId);
        var ack = await partner.PostAsJsonAsync($"/api/linkage/transfers/{transferId}/ack",
            new { accepted = true, @operator = "110值班员陈", note = "已派交警" });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var accepted = page.Locator($"#transfers-list .fc-transfers__row[data-transfer-id='{transferId}']");
        await Expect(accepted).ToHaveAttributeAsync("data-state", "Accepted", new() { Timeout = 30_000 });
        await Expect(accepted).ToContainTextAsync("已接受");
        await Expect(accepted).ToContainTextAsync("已派交警");
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await Screenshots.SaveAsync(page, "console-linkage-zh", output);

        await page.ClickAsync("button[data-lang='en']");
        await Expect(accepted).ToContainTextAsync("Accepted");
        await Expect(page.Locator("#incident-source")).ToHaveTextAsync("Police 110");
        await Expect(incoming.First).ToContainTextAsync("Transfer in");
        await Screenshots.SaveAsync(page, "console-linkage-en", output);

        // …and from the incident list after a reload.
        await page.ReloadAsync();
        await Expect(page.Locator("body[data-console-ready='true']")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(row.Locator(".fc-queue__source")).ToHaveTextAsync("Police 110");
        await page.ClickAsync("button[data-lang='zh-CN']");
        session.Problems.AssertNone();
    }

    private static async Task<(long Id, string Key)> RegisterAsync(ApiClient admin, string kind, string name, long jurisdictionId,
        string[] scopes)
    {
        var created = await admin.PostAsync("/api/partners", new { code = "E2E-" + Guid.NewGuid().ToString("N")[..8], name, kind, jurisdictionId, scopes });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ApiClient.ReadJsonAsync(created))["id"]!.GetValue<long>();
        var key = await ApiClient.ReadJsonAsync(await admin.PostAsync($"/api/partners/{id}/key", new { }));
        return (id, key["key"]!.GetValue<string>());
    }
}
