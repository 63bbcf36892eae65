using FireCommand.Web.Tests.Infrastructure;

namespace FireCommand.Web.Tests.Sensing;

/// <summary>
/// What the risk and warning tests start from: the city a dispatcher serves and a city they do not see,
/// so each test can place records on both sides of the border.
/// </summary>
public abstract class SensingPlatformTest<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    /// <summary>
    /// The dispatcher's own jurisdiction (from /api/auth/me) and one the province admin lists but the dispatcher
    /// does not: "another city" is taken from the admin's view, not from the dispatcher's.
    /// </summary>
    protected async Task<(long Own, long Foreign)> JurisdictionsAsync(ApiClient dispatcher)
    {
        var own = (await dispatcher.GetJsonAsync("/api/auth/me"))["jurisdiction"]!["id"]!.GetValue<long>();
        var visible = (await dispatcher.GetJsonAsync("/api/jurisdictions")).AsArray().Select(j => j!["id"]!.GetValue<long>()).ToHashSet();
        using var admin = await Admin();
        var foreign = (await admin.GetJsonAsync("/api/jurisdictions")).AsArray().Select(j => j!["id"]!.GetValue<long>())
            .First(id => !visible.Contains(id));
        return (own, foreign);
    }
}
