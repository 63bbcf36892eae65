using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>
/// Debian's Chromium driven by Playwright. Never a downloaded browser (no `playwright install`):
/// the package's driver talks to /usr/bin/chromium. Without it the test skips with the reason, or
/// fails under FIRECOMMAND_REQUIRE_ALL=1.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Headless in a container: no sandbox (no user namespaces), no GPU, and nothing that phones home.
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            Requirements.SkipOrFail($"{ExecutablePath} is missing; install Debian's chromium (apt-get install chromium fonts-noto-cjk)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>
    /// A fresh profile (no cookies, no localStorage) at a control-room screen size; the browser's time
    /// zone is the machine's unless <paramref name="timeZone"/> (an IANA id) says otherwise.
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, string? timeZone = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 900 },
            Locale = "zh-CN",
            TimezoneId = timeZone,
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
