using System.Net;
using FireCommand.Web.Tests.Infrastructure;
using static FireCommand.Web.Tests.Dispatch.DispatchTestData;

namespace FireCommand.Web.Tests.Dispatch;

/// <summary>The command view's data and the One Map's live layers, through the API.</summary>
public abstract class CommandViewTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Fact]
    public async Task CommandView_ShowsRoutesOfUnitsOnTheWay_NearestWater_AndPlacesAround()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 17);
        var id = (await TakeAlarmAsync(dispatcher, lat, lon))["id"]!.GetValue<long>();
        var advice = await dispatcher.GetJsonAsync($"/api/incidents/{id}/recommendation");
        var unit = advice["recommendation"]!["units"]![0]!["unitId"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsync($"/api/incidents/{id}/dispatch", new { units = new[] { new { unitId = unit } } })).StatusCode);

        var routes = (await dispatcher.GetJsonAsync($"/api/incidents/{id}/routes"))["features"]!.AsArray();
        var route = Assert.Single(routes)!;
        Assert.Equal(unit, route["properties"]!["unitId"]!.GetValue<long>());
        Assert.True(route["geometry"]!["coordinates"]!.AsArray().Count >= 2);
        Assert.True(route["properties"]!["travelSeconds"]!.GetValue<double>() > 0);

        var water = (await dispatcher.GetJsonAsync($"/api/incidents/{id}/water-sources?count=5")).AsArray();
        Assert.InRange(water.Count, 1, 5);
        var times = water.Select(w => w!["travelSeconds"]?.GetValue<double>() ?? double.MaxValue).ToList();
        Assert.Equal(times.Order(), times);

        var around = await dispatcher.GetJsonAsync($"/api/incidents/{id}/surroundings?radiusMeters=5000");
        var distances = around["nearbyKeyPlaces"]!.AsArray().Select(p => p!["distanceMeters"]!.GetValue<double>()).ToList();
        Assert.NotEmpty(distances);
        Assert.All(distances, d => Assert.InRange(d, 0, 5000));
        Assert.Equal(distances.Order(), distances);

        await ApiClient.AssertProblemAsync(await dispatcher.GetAsync($"/api/incidents/{id}/water-sources?count=500"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FireAtAPetrochemicalPlant_BringsThePlantsOwnPlan()
    {
        using var dispatcher = await Demo("dispatcher");
        var plant = (await dispatcher.GetJsonAsync("/api/key-places")).AsArray()
            .First(k => k!["categories"]!.AsArray().Any(c => c!.GetValue<string>() == "Petrochemical"))!;
        var taken = await dispatcher.PostAsync("/api/alarms", new { type = "Fire", keyPlaceId = plant["id"]!.GetValue<long>(), description = "储罐区起火" });
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        var id = (await ApiClient.ReadJsonAsync(taken))["incident"]!["id"]!.GetValue<long>();

        var around = await dispatcher.GetJsonAsync($"/api/incidents/{id}/surroundings");
        Assert.Equal(plant["name"]!.GetValue<string>(), around["keyPlace"]!["name"]!.GetValue<string>());
        Assert.NotNull(around["keyPlace"]!["ownPlan"]);
        var required = (await dispatcher.GetJsonAsync($"/api/incidents/{id}/recommendation"))["required"]!.AsArray();
        Assert.Contains(required, s => s!["sources"]!.AsArray().Any(src => src!["fromKeyPlacePlan"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Coverage_ShrinksWhenUnitsGoBusy()
    {
        using var commander = await Demo("commander");
        var before = await commander.GetJsonAsync("/api/map/coverage?minutes=5");
        var share = before["coveredPopulationShare"]!.GetValue<double>();
        Assert.InRange(share, 0.01, 1.0);
        Assert.Equal("MultiLineString", before["covered"]!["features"]![0]!["geometry"]!["type"]!.GetValue<string>());

        // Take every available unit of the most isolated station out of service: no neighbour covers
        // its area instead, so the covered share must drop. The units come back even if this fails.
        var station = await StationUnitsAsync(commander);
        try
        {
            foreach (var u in station.Units)
                Assert.Equal(HttpStatusCode.OK, (await commander.PostAsync($"/api/units/{u}/status", new { status = 30 })).StatusCode);
            var after = await commander.GetJsonAsync("/api/map/coverage?minutes=5");
            Assert.Equal(before["availableUnits"]!.GetValue<int>() - station.Units.Count, after["availableUnits"]!.GetValue<int>());
            Assert.True(after["coveredRoadShare"]!.GetValue<double>() < before["coveredRoadShare"]!.GetValue<double>(),
                $"covered road share {after["coveredRoadShare"]} after, {before["coveredRoadShare"]} before");
        }
        finally
        {
            foreach (var u in station.Units)
                await commander.PostAsync($"/api/units/{u}/status", new { status = 10 });
        }
    }

    [Fact]
    public async Task Overview_CountsTheSeededMonth_WithPercentilesAgainstTheStandards()
    {
        using var commander = await Demo("commander");
        var overview = await commander.GetJsonAsync("/api/analytics/overview?days=30");
        Assert.True(overview["incidentsByDay"]!.AsArray().Sum(d => d!["count"]!.GetValue<int>()) > 100);
        var call = overview["responseTimes"]!.AsArray().First(r => r!["interval"]!.GetValue<string>() == "CallProcessing")!;
        Assert.Equal(64, call["objectiveSeconds"]!.GetValue<double>());
        Assert.True(call["p50"]!.GetValue<double>() <= call["p90"]!.GetValue<double>());
        Assert.Equal(call["count"]!.GetValue<int>(), call["histogram"]!.AsArray().Sum(b => b!["count"]!.GetValue<int>()));
        Assert.Equal((await commander.GetJsonAsync("/api/units")).AsArray().Count,
            overview["unitsByStatus"]!.AsArray().Sum(s => s!["count"]!.GetValue<int>()));
        await ApiClient.AssertProblemAsync(await commander.GetAsync("/api/analytics/overview?days=0"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MapIncidents_ListOpenIncidents_AndTheBaseLayerIsOfflineByDefault()
    {
        using var dispatcher = await Demo("dispatcher");
        var (lat, lon, _) = await SomewhereAsync(dispatcher, 19);
        var number = (await TakeAlarmAsync(dispatcher, lat, lon))["number"]!.GetValue<string>();
        var layer = (await dispatcher.GetJsonAsync("/api/map/incidents"))["features"]!.AsArray();
        Assert.Contains(layer, f => f!["properties"]!["number"]!.GetValue<string>() == number);
        Assert.All(layer, f => Assert.NotEqual("Closed", f!["properties"]!["state"]!.GetValue<string>()));
        Assert.Null((await dispatcher.GetJsonAsync("/api/map/config"))["baseLayer"]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCommandViewTests(SqliteHost host) : CommandViewTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCommandViewTests(PostgresHost host) : CommandViewTests<PostgresHost>(host);
