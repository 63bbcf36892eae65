using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FireCommand.Web.Tests.EndToEnd.DispatchConsole;

/// <summary>
/// A call taken and dispatched with the keyboard alone, keys counted from Alt+N to the dispatch
/// order. docs/dispatch.md records the count; it must not grow.
/// </summary>
public sealed class ConsoleKeyboardTests(KestrelHost host, ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    /// <summary>Keys other than the caller's number and the address typed; the figure in docs/dispatch.md.</summary>
    private const int ControlKeys = 12;

    [Fact]
    public async Task KeyboardOnly_FromAltNToTheDispatchOrder_TakesNoMoreKeysThanRecorded()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var session = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher");
        var page = session.Page;
        var place = (await session.KeyPlaceNearAStationAsync(24))["name"]!.GetValue<string>();
        const string Caller = "13500135000";
        await session.OpenConsoleAsync();
        await page.Locator("#queue-list").FocusAsync(); // start away from the form

        int keys = 0, typed = 0;
        async Task Press(string key) { keys++; await page.Keyboard.PressAsync(key); }
        async Task Type(string text) { typed += text.Length; await page.Keyboard.TypeAsync(text); }

        await Press("Alt+N");                                    // the intake, caller number focused
        await Type(Caller);
        foreach (var _ in Enumerable.Range(0, 3)) await Press("Tab"); // caller name, source, type
        await Press("Space");                                    // 火灾扑救 (the first type)
        foreach (var _ in Enumerable.Range(0, 4)) await Press("Tab"); // subtype, trapped, injured, address
        await Type(place);
        await Press("Enter");                                    // the first suggestion, once it is there
        await Press("Control+Enter");                            // register the call
        await Press("Alt+D");                                    // dispatch as soon as the recommendation is ready

        var assigned = page.Locator("#assigned-units tbody tr");
        await Expect(assigned.First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator("#incident-address")).ToContainTextAsync(place);
        var recommended = await session.GetAsync($"/api/incidents/{await page.GetAttributeAsync("#incident-view", "data-incident-id")}");
        Assert.NotEmpty(recommended["assignments"]!.AsArray());
        Assert.Equal(Caller.Length + place.Length, typed);
        output.WriteLine($"Alt+N to dispatch order: {keys} keys, plus {typed} characters typed (number and address).");
        Assert.True(keys <= ControlKeys, $"the keyboard path grew: {keys} keys, recorded {ControlKeys}");
        session.Problems.AssertNone();
    }

    [Fact]
    public async Task CtrlEnter_RegistersTheCall_AfterChoosingToMergeIntoAnOpenIncident()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var session = await ConsoleSession.SignInAsync(chromium, host.BaseAddress, "dispatcher");
        var page = session.Page;
        var place = await session.KeyPlaceNearAStationAsync(27);
        var (status, first) = await session.PostAsync("/api/alarms", new
        {
            source = "Call119", callerNumber = "13500135001", type = "Fire", address = place["name"]!.GetValue<string>(),
            latitude = place["latitude"]!.GetValue<double>(), longitude = place["longitude"]!.GetValue<double>(),
        });
        Assert.Equal(201, status);
        var number = first!["incident"]!["number"]!.GetValue<string>();
        await session.OpenConsoleAsync();

        await page.ClickAsync("#tab-intake");
        await page.FillAsync("#intake-caller", "13500135002");
        await page.ClickAsync("label[for='intake-type-Fire']");
        await page.Locator("#intake-address").PressSequentiallyAsync(place["name"]!.GetValue<string>());
        await page.Locator("#intake-address").PressAsync("Enter");
        await Expect(page.Locator("#dup-default")).ToContainTextAsync("默认：作为新警情", new() { Timeout = 30_000 });
        var merge = page.Locator($"#preview-duplicates [data-action='merge']", new() { HasTextString = number });
        await merge.ClickAsync();                                 // focus is now on the merge button, outside the form
        await Expect(page.Locator("#dup-default")).ToContainTextAsync(number);
        await page.Keyboard.PressAsync("Control+Enter");
        await Expect(page.Locator("#incident-number")).ToHaveTextAsync(number, new() { Timeout = 30_000 });
        session.Problems.AssertNone();
    }
}
