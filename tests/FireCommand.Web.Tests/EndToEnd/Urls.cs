using System.Text.RegularExpressions;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>
/// URL patterns for Expect(page).ToHaveURLAsync, which polls. WaitForURLAsync is not used: after a
/// client-side redirect (location.replace) it can miss a navigation that finished just before the
/// call and then wait for one that never comes.
/// </summary>
internal static partial class Urls
{
    [GeneratedRegex(@"^https?://[^/]+/login\.html(\?.*)?$")]
    public static partial Regex LoginPage { get; }

    [GeneratedRegex(@"^https?://[^/]+/(index\.html)?(\?.*)?(#.*)?$")]
    public static partial Regex MapPage { get; }
}
