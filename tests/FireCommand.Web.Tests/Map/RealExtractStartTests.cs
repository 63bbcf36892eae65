using FireCommand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FireCommand.Web.Tests.Map;

/// <summary>Monaco: three OSM fire stations (one without a name), French street addresses.</summary>
public sealed class MonacoProvinceHost : PackageHost
{
    public override string Extract => "osm/monaco.osm.pbf";
}

/// <summary>
/// Shenzhen Futian: real streets with Chinese names, no station and no <c>place=*</c> in the extract. The
/// stations come from a CSV (three made-up stations at road points across the district), and the demo
/// history's calls come from the named streets.
/// </summary>
public sealed class FutianProvinceHost : PackageHost
{
    public override string Extract => "osm/shenzhen-futian.osm.gz";

    protected override async Task<IReadOnlyList<string>> BuildArgumentsAsync(string directory)
    {
        var stations = Path.Combine(directory, "stations.csv");
        await File.WriteAllTextAsync(stations, """
            编号* code,名称* name,类别* kind,经度* longitude,纬度* latitude
            W,福田西站,二级站,114.040367,22.529824
            C,福田中站,二级站,114.060032,22.539613
            E,福田东站,二级站,114.074874,22.531648

            """);
        return ["--name", "福田区", "--stations", stations + ":wgs84"];
    }
}

public sealed class MonacoStartTests(MonacoProvinceHost host) : PlatformTest<MonacoProvinceHost>(host), IClassFixture<MonacoProvinceHost>
{
    [Fact]
    public async Task AlarmAtAStreetAddressFoundByName_IsAnsweredByRoadFromTheNearestOsmStation()
    {
        using var dispatcher = await Demo("dispatcher");
        Assert.Equal(3, (await dispatcher.GetJsonAsync("/api/stations")).AsArray().Count);
        var answer = await GazetteerAlarm.AssertAnsweredByRoadAsync(dispatcher, Host.Package!, "address");
        Assert.StartsWith("osm:", answer.Station.Source, StringComparison.Ordinal);
    }
}

public sealed class FutianStartTests(FutianProvinceHost host) : PlatformTest<FutianProvinceHost>(host), IClassFixture<FutianProvinceHost>
{
    [Fact]
    public async Task AlarmOnAStreetFoundByName_IsAnsweredByRoadFromTheNearestCsvStation()
    {
        using var dispatcher = await Demo("dispatcher");
        var answer = await GazetteerAlarm.AssertAnsweredByRoadAsync(dispatcher, Host.Package!, "street");
        Assert.Contains(answer.Station.Name, new[] { "福田西站", "福田中站", "福田东站" });
    }

    [Fact]
    public async Task DemoHistory_WithoutSettlements_DrawsItsCallsOnTheNamedStreets()
    {
        if (Host.SkipReason is not null) Requirements.SkipOrFail(Host.SkipReason);
        Assert.Empty(Host.Package!.Records.Settlements);
        using var scope = Host.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FireCommand.Core.Data.FireCommandDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var seeded = await db.Alarms.IgnoreQueryFilters().Where(a => a.TakenBy == "demo").ToListAsync(ct);
        Assert.True(seeded.Count > 30, $"{seeded.Count} past alarms");
        var streets = Host.Package.Records.Roads.Where(r => r.Name is not null).Select(r => r.Name!).ToHashSet();
        // Each call names the street it came from ("…附近"), one of the extract's own.
        Assert.All(seeded, a => Assert.Contains(a.AddressText![..^2], streets));
        Assert.All(seeded, a => Assert.EndsWith("附近", a.AddressText, StringComparison.Ordinal));
    }
}
