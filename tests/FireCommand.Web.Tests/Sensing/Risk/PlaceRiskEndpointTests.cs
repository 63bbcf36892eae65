using System.Net;
using System.Text.Json.Nodes;
using FireCommand.Core.Resources;
using FireCommand.Core.Sensing.Risk;
using FireCommand.Web.Sensing.Risk;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Sensing.SensingTestData;

namespace FireCommand.Web.Tests.Sensing.Risk;

/// <summary>The risk list against hand-built places: scores from the stored facts, the order, the level filter and the jurisdiction.</summary>
public abstract class PlaceRiskEndpointTests<THost>(THost host) : SensingPlatformTest<THost>(host) where THost : DatabaseHost
{
    private static async Task<JsonArray> RiskAsync(ApiClient client, string query = "?limit=10000") =>
        (await client.GetJsonAsync("/api/sensing/risk" + query)).AsArray();

    [Fact]
    public async Task PlaceWithFaultsAndAShieldedZone_ScoresItsFacts_AndRanksAboveAQuietPlace()
    {
        using var dispatcher = await Demo("dispatcher1");
        var (own, foreign) = await JurisdictionsAsync(dispatcher);
        var troubled = await StorePlaceAsync(Host, "风险测试商场", KeyPlaceCategory.Crowded, own);
        var quiet = await StorePlaceAsync(Host, "风险测试平静商场", KeyPlaceCategory.Crowded, own);
        var device = await StoreDeviceAsync(Host, troubled, own);
        await StoreAlarmAsync(Host, device, "fault", "1-1/1-0101");
        await StoreAlarmAsync(Host, device, "fault", "1-1/1-0102");
        await StoreAlarmAsync(Host, device, "shielded", "1-1/1-0201");
        await StoreDeviceAsync(Host, quiet, own);
        var elsewhere = await StorePlaceAsync(Host, "外市风险测试油库", KeyPlaceCategory.Petrochemical, foreign);
        var foreignDevice = await StoreDeviceAsync(Host, elsewhere, foreign, online: false);
        await StoreAlarmAsync(Host, foreignDevice, "fault", "1-1/1-0101");

        var list = await RiskAsync(dispatcher);
        var ids = list.Select(p => p!["id"]!.GetValue<long>()).ToList();
        Assert.Contains(troubled, ids);
        Assert.Contains(quiet, ids);
        Assert.True(ids.IndexOf(troubled) < ids.IndexOf(quiet), "the place with faults ranks above the quiet one");
        var scores = list.Select(p => p!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);

        // Worked by hand: crowded place 12, two faults 2 × 4, one shielded zone 5 = 25, the floor of "general".
        var expected = PlaceRiskScorer.Score(new PlaceRiskFacts(KeyPlaceCategory.Crowded, null, null, 0, null, null,
            ActiveFaults: 2, ShieldedZones: 1, DevicesOffline: 0, DevicesTotal: 1, false, false, 0, 0));
        Assert.Equal(25, expected.Score);
        var row = list.Single(p => p!["id"]!.GetValue<long>() == troubled)!;
        Assert.Equal(expected.Score, row["score"]!.GetValue<double>());
        Assert.Equal("General", row["level"]!.GetValue<string>());
        Assert.Equal("Steady", row["trend"]!.GetValue<string>());
        var reasons = row["reasons"]!.AsArray().ToDictionary(r => r!["code"]!.GetValue<string>(), r => r!["points"]!.GetValue<double>());
        Assert.Equal(new Dictionary<string, double> { ["category.crowded"] = 12, ["faults"] = 8, ["shielded"] = 5 }, reasons);
        Assert.Equal(2, row["reasons"]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == "faults")!["value"]!.GetValue<double>());
        var calm = list.Single(p => p!["id"]!.GetValue<long>() == quiet)!;
        Assert.Equal(12, calm["score"]!.GetValue<double>());
        Assert.Equal("Low", calm["level"]!.GetValue<string>());

        // Another city's place is not listed to this city's dispatcher, though the province sees it.
        Assert.DoesNotContain(elsewhere, ids);
        using var admin = await Admin();
        var all = await RiskAsync(admin);
        var foreignRow = all.Single(p => p!["id"]!.GetValue<long>() == elsewhere)!;
        // Petrochemical 22, one fault 4, its only device offline 15.
        Assert.Equal(41, foreignRow["score"]!.GetValue<double>());
    }

    [Fact]
    public async Task MinLevelAndLimit_FilterTheList()
    {
        using var dispatcher = await Demo("dispatcher1");
        var (own, _) = await JurisdictionsAsync(dispatcher);
        var quiet = await StorePlaceAsync(Host, "风险测试低风险点", KeyPlaceCategory.RelocationSettlement, own);
        var general = await RiskAsync(dispatcher, "?limit=10000&minLevel=general");
        Assert.All(general, p => Assert.NotEqual("Low", p!["level"]!.GetValue<string>()));
        Assert.DoesNotContain(quiet, general.Select(p => p!["id"]!.GetValue<long>()));
        Assert.Contains(quiet, (await RiskAsync(dispatcher)).Select(p => p!["id"]!.GetValue<long>()));
        Assert.Single(await RiskAsync(dispatcher, "?limit=1"));
    }

    [Theory]
    [InlineData("?minLevel=Severe", "minLevel")]
    [InlineData("?minLevel=4", "minLevel")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=100001", "limit")]
    public async Task BadQuery_IsAProblemNamingTheField(string query, string field)
    {
        using var dispatcher = await Demo("dispatcher1");
        var problem = await ApiClient.AssertProblemAsync(await dispatcher.GetAsync("/api/sensing/risk" + query), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task WithoutLogin_IsRefused()
    {
        using var anonymous = Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/sensing/risk")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePlaceRiskEndpointTests(SqliteHost host) : PlaceRiskEndpointTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPlaceRiskEndpointTests(PostgresHost host) : PlaceRiskEndpointTests<PostgresHost>(host);

/// <summary>The trend against the held reading, as the book documents it.</summary>
public sealed class RiskTrendBookTests
{
    [Fact]
    public void Trend_ComparesWithTheHeldReading_ReplacedOncePerInterval()
    {
        var book = new RiskTrendBook();
        var t0 = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(RiskTrend.Steady, book.Observe(1, 50, t0));
        Assert.Equal(RiskTrend.Rising, book.Observe(1, 60, t0.AddMinutes(1)));
        Assert.Equal(RiskTrend.Steady, book.Observe(1, 53, t0.AddMinutes(2))); // within 5 points of 50
        Assert.Equal(RiskTrend.Rising, book.Observe(1, 60, t0 + RiskTrendBook.ReadingInterval)); // now holds 60
        Assert.Equal(RiskTrend.Steady, book.Observe(1, 60, t0 + RiskTrendBook.ReadingInterval + TimeSpan.FromMinutes(1)));
        Assert.Equal(RiskTrend.Falling, book.Observe(1, 40, t0 + RiskTrendBook.ReadingInterval + TimeSpan.FromMinutes(2)));
        Assert.Equal(RiskTrend.Steady, book.Observe(2, 90, t0)); // another place has its own reading
    }
}
