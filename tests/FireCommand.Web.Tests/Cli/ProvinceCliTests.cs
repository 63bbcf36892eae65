using System.Security.Cryptography;
using System.Text.Json;
using FireCommand.Core.Map.Province;
using FireCommand.Core.Resources;

namespace FireCommand.Web.Tests.Cli;

public sealed class ProvinceCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-cli-province-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Bayreuth_Package_HoldsEveryOsmStationAndHydrant()
    {
        var osm = CliRun.SharedData("osm/north-bayreuth.osm.gz");
        var output = Path.Combine(_dir, "bayreuth");
        var run = await CliRun.Run("province", "build", "--osm", osm, "--out", output, "--name", "北拜罗伊特");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("100%", run.Err);

        var package = ProvincePackage.Read(output);
        var stations = OsmTagCount.Objects(osm, "amenity", "fire_station");
        var hydrants = OsmTagCount.Objects(osm, "emergency", "fire_hydrant");
        // The data README counts 7 stations (4 nodes, 3 ways) and 20 hydrant nodes; the scan agrees.
        Assert.Equal(7, stations.Count);
        Assert.Equal(20, hydrants.Count);
        Assert.Equal(stations.Keys.Order(), package.Records.Stations.Select(s => s.Source["osm:".Length..]).Order());
        Assert.Equal(hydrants.Keys.Order(), package.Records.WaterSources.Where(w => w.Kind == WaterSourceKind.Hydrant)
            .Select(w => w.Source["osm:".Length..]).Order());
        foreach (var s in package.Records.Stations.Where(s => s.Source.StartsWith("osm:node/", StringComparison.Ordinal)))
        {
            var (lat, lon) = stations[s.Source["osm:".Length..]]!.Value;
            Assert.Equal(lat, s.Latitude, 7);
            Assert.Equal(lon, s.Longitude, 7);
        }
        // Every station has a fleet, marked as generated, and every record sits in a jurisdiction of the tree.
        Assert.All(package.Records.Stations, s => Assert.NotEmpty(s.Units));
        Assert.All(package.Records.Stations.SelectMany(s => s.Units), u => Assert.True(u.Generated));
        var ids = package.Records.Jurisdictions.Select(j => j.Id).ToHashSet();
        Assert.All(package.Records.Stations, s => Assert.Contains(s.JurisdictionId, ids));

        // The extract's boundaries are clipped, so the tree is the generated one, and the report says so.
        Assert.Contains(package.Manifest.Notes, n => n.Contains("road area", StringComparison.Ordinal));
        Assert.Equal("北拜罗伊特", package.Records.Jurisdictions.Single(j => j.ParentId is null).Name);

        // The manifest names its source by a checksum computed here, and its counts are the records'.
        var source = Assert.Single(package.Manifest.Sources);
        await using (var file = File.OpenRead(osm))
            Assert.Equal(Convert.ToHexStringLower(await SHA256.HashDataAsync(file, TestContext.Current.CancellationToken)), source.Sha256);
        Assert.Equal(package.Records.Stations.Count, package.Manifest.Counts["stations"]);
        Assert.Equal(package.Records.WaterSources.Count, package.Manifest.Counts["waterSources"]);
        var graph = FireCommand.Geo.Storage.RoadNetworkFile.Load(package.GraphPath);
        Assert.Equal(graph.Graph.NodeCount, package.Manifest.Counts["graphNodes"]);
        // The data README gives the header box 11.4807,49.9721 – 11.6053,50.0470; ways run a little past it.
        var b = package.Manifest.Bounds;
        Assert.InRange(b.MinLatitude, 49.90, 49.9721);
        Assert.InRange(b.MaxLongitude, 11.6053, 11.70);

        using var summary = JsonDocument.Parse(run.Out);
        Assert.Equal(7, summary.RootElement.GetProperty("counts").GetProperty("stations").GetInt32());
        Assert.True(summary.RootElement.GetProperty("droppedRoads").GetProperty("components").GetInt32() > 0);
    }

    [Theory]
    [InlineData("osm/monaco.osm.pbf", 3)]
    [InlineData("osm/shenzhen-futian.osm.gz", 0)]
    public async Task OtherExtracts_Build(string file, int stationsInReadme)
    {
        var output = Path.Combine(_dir, Path.GetFileName(file));
        var run = await CliRun.Run("province", "build", "--osm", CliRun.SharedData(file), "--out", output);
        Assert.True(run.Exit == 0, run.Err);
        var package = ProvincePackage.Read(output);
        Assert.Equal(stationsInReadme, package.Records.Stations.Count);
        Assert.True(package.Manifest.Counts["graphNodes"] > 1000);
        Assert.NotEmpty(package.Records.Roads);
        Assert.Single(package.Records.Jurisdictions, j => j.Level == JurisdictionLevel.Corps);
        if (stationsInReadme == 0) Assert.Contains(package.Manifest.Notes, n => n.Contains("no fire station", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Futian_StreetNamesReachTheGazetteerRecords()
    {
        var output = Path.Combine(_dir, "futian");
        var run = await CliRun.Run("province", "build", "--osm", CliRun.SharedData("osm/shenzhen-futian.osm.gz"), "--out", output);
        Assert.True(run.Exit == 0, run.Err);
        var names = ProvincePackage.Read(output).Records.Names;
        // Any name with a CJK character proves the Chinese street names came through, not only Latin ones.
        Assert.Contains(names, n => n.Kind == "street" && n.Name.Any(c => c is >= '\u4e00' and <= '\u9fff'));
    }

    [Fact]
    public async Task MissingExtract_IsAnErrorAndWritesNothing()
    {
        var output = Path.Combine(_dir, "out");
        var run = await CliRun.Run("province", "build", "--osm", Path.Combine(_dir, "nope.osm.pbf"), "--out", output);
        Assert.Equal(1, run.Exit);
        Assert.Contains("nope.osm.pbf", run.Err);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public async Task UnreadableExtract_IsAnErrorAndWritesNothing()
    {
        var bad = Path.Combine(_dir, "broken.osm");
        await File.WriteAllTextAsync(bad, "<osm><node id=\"1\" lat=\"x\"", TestContext.Current.CancellationToken);
        var run = await CliRun.Run("province", "build", "--osm", bad, "--out", Path.Combine(_dir, "out"));
        Assert.Equal(1, run.Exit);
        Assert.Contains("broken.osm", run.Err);
        Assert.Equal([bad], Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public async Task ExistingOutput_IsRefusedAndKept()
    {
        var output = Directory.CreateDirectory(Path.Combine(_dir, "out")).FullName;
        var keep = Path.Combine(output, "keep.txt");
        await File.WriteAllTextAsync(keep, "mine", TestContext.Current.CancellationToken);
        var run = await CliRun.Run("province", "build", "--osm", CliRun.SharedData("osm/shenzhen-futian.osm.gz"), "--out", output);
        Assert.Equal(1, run.Exit);
        Assert.Contains("exists and is not empty; give a new folder", run.Err);
        Assert.Equal([keep], Directory.EnumerateFileSystemEntries(output));
    }

    [Fact]
    public async Task AdminLevels_Override_TakesTheClosedMunicipalityAsABrigade()
    {
        var output = Path.Combine(_dir, "levels");
        var run = await CliRun.Run("province", "build", "--osm", CliRun.SharedData("osm/north-bayreuth.osm.gz"), "--out", output,
            "--admin-levels", "6=detachment,8=brigade");
        Assert.True(run.Exit == 0, run.Err);
        var package = ProvincePackage.Read(output);
        // Heinersreuth (relation 1071000) is the one municipality whose member ways are all in the extract.
        var brigade = Assert.Single(package.Records.Jurisdictions, j => j.Source.StartsWith("relation/", StringComparison.Ordinal));
        Assert.Equal(("Heinersreuth", JurisdictionLevel.Brigade, "relation/1071000"), (brigade.Name, brigade.Level, brigade.Source));
        Assert.Contains(package.Manifest.Notes, n => n.Contains("Harsdorf", StringComparison.Ordinal) && n.Contains("1 of 5", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--admin-levels", "4=county")]
    [InlineData("--admin-levels", "x=corps")]
    public async Task BadAdminLevels_AreRejectedBeforeReading(string option, string value)
    {
        var run = await CliRun.Run("province", "build", "--osm", Path.Combine(_dir, "any.osm"), "--out", Path.Combine(_dir, "o"), option, value);
        Assert.Equal(1, run.Exit);
        Assert.Contains(value, run.Err);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public async Task MissingOut_IsAUsageError()
    {
        var run = await CliRun.Run("province", "build", "--osm", "x.osm");
        Assert.Equal(2, run.Exit);
        Assert.Contains("--out", run.Err);
    }
}
