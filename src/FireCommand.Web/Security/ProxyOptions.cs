using System.Net;

namespace FireCommand.Web.Security;

/// <summary>
/// Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto headers are believed (section
/// "ReverseProxy"). Only these: a header from anyone else is ignored, or any client could pick its
/// own address and escape the login throttle.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of the proxies, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies live in, in CIDR form, e.g. "10.0.0.0/24".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>The entries that do not parse, for validation at start.</summary>
    public IEnumerable<string> Invalid() =>
        KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).Select(p => $"KnownProxies: '{p}' is not an IP address")
            .Concat(KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)).Select(n => $"KnownNetworks: '{n}' is not a CIDR network"));
}
