using Microsoft.Playwright;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>
/// Collects what a user never sees but a broken page shows in the console: script errors, CSP
/// violations (an inline script or a CDN URL slipped in) and failed static files.
/// </summary>
internal sealed class PageProblems
{
    private readonly List<string> _problems = [];

    public PageProblems(IPage page)
    {
        page.PageError += (_, error) => Add($"script error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                Add($"CSP violation: {message.Text}");
        };
        page.Response += (_, response) =>
        {
            // 401 from /api/auth/me is how a page learns there is no session; everything else must load.
            var path = new Uri(response.Url).AbsolutePath;
            if (response.Status >= 400 && !path.StartsWith("/api/", StringComparison.Ordinal))
                Add($"HTTP {response.Status} for {path}");
        };
    }

    private void Add(string problem)
    {
        lock (_problems) _problems.Add(problem);
    }

    public void AssertNone()
    {
        lock (_problems) Assert.True(_problems.Count == 0, "Page problems:\n" + string.Join('\n', _problems));
    }
}
