using System.Net;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd.Admin;

/// <summary>
/// The admins' partner page in a real browser: register a 110 centre, issue its key (shown once), and the key
/// opens the partner API; revoked, it is refused.
/// </summary>
public sealed class PartnerAdminTests(KestrelHost host, ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    [Fact]
    public async Task Admin_RegistersAPartner_IssuesAKey_ThatWorksOnThePartnerApi_UntilRevoked()
    {
        host.RequireStarted();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);
        var problems = new PageProblems(page);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/login.html");
        await page.FillAsync("#login-user", KestrelHost.AdminUserName);
        await page.FillAsync("#login-password", KestrelHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#user-name")).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });

        // The header offers the page to an admin.
        await page.ClickAsync("#app-nav a[href='/admin.html']");
        await Expect(page.Locator("#app-nav [aria-current='page']")).ToHaveTextAsync("联动单位");
        await Expect(page.Locator("#partners-heading")).ToHaveTextAsync("联动单位（110 / 120 / 其他部门）");

        var form = page.Locator("#partner-form");
        await form.Locator("[name=code]").FillAsync("110-E2E");
        await form.Locator("[name=name]").FillAsync("江城市公安局110指挥中心");
        await form.Locator("[name=kind]").SelectOptionAsync("Police110");
        await form.Locator("input[value='transfer-in']").CheckAsync();
        await form.Locator("input[value='read-own']").CheckAsync();
        await form.Locator("button[type=submit]").ClickAsync();
        var row = page.Locator("#partners-rows tr[data-code='110-E2E']");
        await Expect(row).ToContainTextAsync("110 公安指挥中心");
        await Expect(row).ToContainTextAsync("移交警情");
        await Expect(row).ToContainTextAsync("未签发");
        await Expect(row).ToContainTextAsync("从未使用");

        await row.GetByRole(AriaRole.Button, new() { Name = "签发密钥 110-E2E" }).ClickAsync();
        var key = page.Locator("#issued-key-value");
        await Expect(key).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^fcp_[0-9a-f]{12}_"));
        var issued = await key.TextContentAsync();
        await page.ClickAsync("#issued-key-copy");
        await Expect(page.Locator("#issued-key-copy")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("已复制|已选中"));

        // The key works against the partner API, and the list then shows its use.
        using var partner = new HttpClient { BaseAddress = host.BaseAddress };
        partner.DefaultRequestHeaders.Add("X-Partner-Key", issued);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/api/linkage/transfers")).StatusCode);
        await page.ReloadAsync();
        await Expect(row).Not.ToContainTextAsync("从未使用");
        await Expect(page.Locator("#issued-key")).ToBeHiddenAsync(); // shown once: gone after a reload
        await Expect(row.Locator("code")).ToHaveTextAsync(issued!.Split('_')[1]);
        await row.GetByRole(AriaRole.Button, new() { Name = "更换密钥 110-E2E" }).ClickAsync();
        await Expect(key).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^fcp_"));
        var rotated = await key.TextContentAsync();
        Assert.NotEqual(issued, rotated);
        Assert.Equal(HttpStatusCode.Unauthorized, (await partner.GetAsync("/api/linkage/transfers")).StatusCode);
        await Screenshots.SaveAsync(page, "admin-partners-zh", output);

        await page.ClickAsync("button[data-lang='en']");
        await Expect(page.Locator("#partners-heading")).ToHaveTextAsync("Linkage partners (110 / 120 / other agencies)");
        await Expect(row).ToContainTextAsync("Transfer incidents in");
        await Expect(page.Locator("#issued-key-copy")).ToHaveTextAsync("Copy");
        await Screenshots.SaveAsync(page, "admin-partners-en", output);

        // Revoked, the rotated key is refused too.
        using var second = new HttpClient { BaseAddress = host.BaseAddress };
        second.DefaultRequestHeaders.Add("X-Partner-Key", rotated);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/linkage/transfers")).StatusCode);
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke key 110-E2E" }).ClickAsync();
        await Expect(row).ToContainTextAsync("no key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/linkage/transfers")).StatusCode);
        problems.AssertNone();
    }
}
