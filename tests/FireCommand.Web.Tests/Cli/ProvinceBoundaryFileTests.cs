using System.Text;
using FireCommand.Core.Map.Province;
using FireCommand.Core.Map.Province.Boundaries;
using FireCommand.Core.Resources;
using FireCommand.Geo;
using FireCommand.Geo.Coordinates;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;

namespace FireCommand.Web.Tests.Cli;

/// <summary>The corps' own boundary files (GeoJSON, Shapefile) in <c>province build</c>.</summary>
public sealed class ProvinceBoundaryFileTests : IDisposable
{
    private const string Wgs84Prj =
        "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    private const string GaussKrugerPrj =
        "PROJCS[\"CGCS2000_3_Degree_GK_CM_114E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\"," +
        "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]," +
        "PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0]," +
        "PARAMETER[\"Central_Meridian\",114.0],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    private const string Beijing1954Prj =
        "GEOGCS[\"GCS_Beijing_1954\",DATUM[\"D_Beijing_1954\",SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    // North Bayreuth's header box is 11.4807,49.9721 – 11.6053,50.0470; the brigades split it at 11.545.
    private const double Split = 11.545;

    private readonly string _dir = Directory.CreateTempSubdirectory("fc-cli-boundaries-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Bayreuth_WithADetachmentShapefileAndABrigadeGeoJson_BuildsTheCorpsTreeAndPlacesStationsByContainment()
    {
        var osm = CliRun.SharedData("osm/north-bayreuth.osm.gz");
        var detachments = Path.Combine(_dir, "detachments.shp");
        // The east detachment comes first in its file, and each brigade reaches a sliver into the other
        // detachment, as two surveys of one border do: the parent is the detachment holding most of it.
        WriteShapefile(detachments, Wgs84Prj,
            Feature(Box(Split, 49.90, 11.70, 50.10), ("NAME", "东支队"), ("CODE", "D02")),
            Feature(Box(11.40, 49.90, Split, 50.10), ("NAME", "西支队"), ("CODE", "D01")));
        var brigades = Path.Combine(_dir, "brigades.geojson");
        WriteGeoJson(brigades,
            Feature(Box(11.40, 49.90, Split + 0.001, 50.10), ("名称", "西区大队"), ("LEVEL", "大队"), ("CODE", "B01")),
            Feature(Box(Split - 0.001, 49.90, 11.70, 50.10), ("名称", "东区大队"), ("LEVEL", "brigade"), ("CODE", "B02")));
        var output = Path.Combine(_dir, "package");

        var run = await CliRun.Run("province", "build", "--osm", osm, "--out", output,
            "--boundaries", detachments, "--level", "detachment", "--name-field", "NAME", "--code-field", "CODE",
            "--crs", "cgcs2000", "--boundaries", brigades, "--level-field", "LEVEL", "--name-field", "名称", "--code-field", "CODE");
        Assert.True(run.Exit == 0, run.Err);

        var records = ProvincePackage.Read(output).Records;
        Assert.Equal(2, records.Jurisdictions.Count(j => j.Level == JurisdictionLevel.Detachment));
        var westDetachment = Assert.Single(records.Jurisdictions, j => j.Code == "D01");
        Assert.Equal(("西支队", JurisdictionLevel.Detachment, "code:D01"), (westDetachment.Name, westDetachment.Level, westDetachment.Source));
        var eastDetachment = Assert.Single(records.Jurisdictions, j => j.Code == "D02");
        var west = Assert.Single(records.Jurisdictions, j => j.Code == "B01");
        var east = Assert.Single(records.Jurisdictions, j => j.Code == "B02");
        Assert.Equal(["东区大队", "西区大队"], records.Jurisdictions.Where(j => j.Level == JurisdictionLevel.Brigade).Select(j => j.Name).Order());
        Assert.Equal(westDetachment.Id, west.ParentId);
        Assert.Equal(eastDetachment.Id, east.ParentId);
        // Each station is in the brigade on its side of the split line: a plain longitude test, not the locator
        // (no station stands within the 0.001° overlap).
        Assert.DoesNotContain(records.Stations, s => Math.Abs(s.Longitude - Split) < 0.001);
        Assert.Equal(7, records.Stations.Count);
        Assert.All(records.Stations, s => Assert.Equal(s.Longitude < Split ? west.Id : east.Id, s.JurisdictionId));
        Assert.Contains(records.Stations, s => s.Longitude < Split);
        Assert.Contains(records.Stations, s => s.Longitude >= Split);
        // Both files are named in the manifest with their checksums.
        Assert.Equal(["boundaries", "boundaries", "osm"], ProvincePackage.Read(output).Manifest.Sources.Select(s => s.Kind).Order());
    }

    [Fact]
    public async Task InvalidPolygon_IsReportedWithFileFeatureAndReason_AndNothingIsWritten()
    {
        var brigades = Path.Combine(_dir, "brigades.geojson");
        WriteGeoJson(brigades,
            Feature(Box(113.83, 22.47, 114.00, 22.63), ("name", "福田大队")),
            Feature(BowTie(114.00, 22.47, 114.15, 22.63), ("name", "罗湖大队")));
        var output = Path.Combine(_dir, "package");

        var run = await CliRun.Run("province", "build", "--osm", "missing-extract-is-not-read.osm", "--out", output,
            "--boundaries", brigades, "--level", "brigade");
        // The boundary file is read first: its fault is reported, not the missing extract.
        Assert.Equal(1, run.Exit);
        Assert.Contains("brigades.geojson", run.Err);
        Assert.Contains("feature 2 (罗湖大队)", run.Err);
        Assert.Contains("Self-intersection", run.Err);
        Assert.DoesNotContain("feature 1", run.Err);
        Assert.False(Directory.Exists(output));
        Assert.Single(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Theory]
    [InlineData("skip", "left out", 1)]
    [InlineData("fix", "repaired", 3)]
    public async Task InvalidPolygon_WithAnExplicitOption_IsSkippedOrRepaired(string option, string note, int brigadesFromFile)
    {
        var osm = CliRun.SharedData("osm/shenzhen-futian.osm.gz");
        var brigades = Path.Combine(_dir, "brigades.geojson");
        WriteGeoJson(brigades,
            Feature(Box(113.83, 22.47, 114.00, 22.63), ("name", "福田大队")),
            Feature(BowTie(114.00, 22.47, 114.15, 22.63), ("name", "罗湖大队")));
        var output = Path.Combine(_dir, "package");

        var run = await CliRun.Run("province", "build", "--osm", osm, "--out", output, "--boundaries", brigades, "--level", "brigade",
            "--invalid-geometry", option, "--response-areas", "none");
        Assert.True(run.Exit == 0, run.Err);
        var package = ProvincePackage.Read(output);
        Assert.Contains(package.Manifest.Notes, n => n.Contains("feature 2 (罗湖大队) " + note, StringComparison.Ordinal));
        // GeometryFixer splits the bow tie into its two triangles; each is a valid area of the same brigade.
        var fromFile = package.Records.Jurisdictions.Where(j => j.Source.StartsWith("file:", StringComparison.Ordinal)).ToList();
        Assert.Equal(brigadesFromFile == 1 ? 1 : 2, fromFile.Count);
        Assert.Equal(brigadesFromFile, fromFile.Sum(j => j.Boundary.Count));
    }

    [Theory]
    [InlineData(GaussKrugerPrj, "projected coordinate system 'CGCS2000_3_Degree_GK_CM_114E'")]
    [InlineData(Beijing1954Prj, "geographic system 'GCS_Beijing_1954', not WGS-84 or CGCS2000")]
    public async Task Shapefile_WithAPrjThatIsNotWgs84OrCgcs2000Degrees_IsRefused(string prj, string reason)
    {
        var brigades = Path.Combine(_dir, "brigades.shp");
        WriteShapefile(brigades, prj, Feature(Box(113.83, 22.47, 114.00, 22.63), ("NAME", "福田大队")));
        var output = Path.Combine(_dir, "package");
        var run = await CliRun.Run("province", "build", "--osm", "unused.osm", "--out", output, "--boundaries", brigades,
            "--level", "brigade", "--name-field", "NAME");
        Assert.Equal(1, run.Exit);
        Assert.Contains("brigades.shp: .prj is the " + reason, run.Err);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Shapefile_WithCgcs2000Prj_IsRead()
    {
        var brigades = Path.Combine(_dir, "brigades.shp");
        const string prj = "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]]," +
                           "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]";
        WriteShapefile(brigades, prj, Feature(Box(113.83, 22.47, 114.00, 22.63), ("NAME", "福田大队")));
        var read = BoundaryFiles.Read([new BoundaryFileSpec(brigades, Level: JurisdictionLevel.Brigade, NameField: "NAME")],
            InvalidGeometryHandling.Fail, []);
        Assert.Equal("福田大队", Assert.Single(read).Name);
    }

    [Fact]
    public async Task BoundaryFile_WithoutALevel_IsAUsageError()
    {
        var brigades = Path.Combine(_dir, "brigades.geojson");
        WriteGeoJson(brigades, Feature(Box(113.83, 22.47, 114.00, 22.63), ("name", "福田大队")));
        var run = await CliRun.Run("province", "build", "--osm", "x.osm", "--out", Path.Combine(_dir, "p"), "--boundaries", brigades);
        Assert.Equal(2, run.Exit);
        Assert.Contains("--level", run.Err);
    }

    [Fact]
    public void Gcj02File_LandsWhereItsWgs84TwinDoes_WithinOneMetre()
    {
        // Futian, Shenzhen: a brigade drawn in WGS-84 and the same drawn in GCJ-02, as a Chinese web map gives it.
        var wgs = new[] { (22.50, 113.95), (22.50, 114.08), (22.60, 114.08), (22.60, 113.95), (22.50, 113.95) };
        var wgsFile = Path.Combine(_dir, "wgs.geojson");
        var gcjFile = Path.Combine(_dir, "gcj.geojson");
        WriteGeoJson(wgsFile, Feature(Ring(wgs), ("name", "福田大队")));
        var gcj = wgs.Select(p => ChinaCoordinates.Wgs84ToGcj02(new GeoPoint(p.Item1, p.Item2))).Select(p => (p.Latitude, p.Longitude)).ToArray();
        Assert.True(new GeoPoint(gcj[0].Latitude, gcj[0].Longitude).DistanceMetersTo(new GeoPoint(wgs[0].Item1, wgs[0].Item2)) > 100,
            "GCJ-02 is hundreds of metres off in Shenzhen, so the test can tell the two apart");
        WriteGeoJson(gcjFile, Feature(Ring(gcj), ("name", "福田大队")));

        var fromWgs = BoundaryFiles.Read([new BoundaryFileSpec(wgsFile, Level: JurisdictionLevel.Brigade)], InvalidGeometryHandling.Fail, []);
        var fromGcj = BoundaryFiles.Read([new BoundaryFileSpec(gcjFile, CoordinateSystem.Gcj02, JurisdictionLevel.Brigade)],
            InvalidGeometryHandling.Fail, []);
        var a = fromWgs.Single().Area.Coordinates;
        var b = fromGcj.Single().Area.Coordinates;
        Assert.Equal(a.Length, b.Length);
        for (var i = 0; i < a.Length; i++)
            Assert.True(new GeoPoint(a[i].Y, a[i].X).DistanceMetersTo(new GeoPoint(b[i].Y, b[i].X)) < 1.0, $"vertex {i}");
    }

    private static Polygon Box(double west, double south, double east, double north) =>
        Ring([(south, west), (south, east), (north, east), (north, west), (south, west)]);

    /// <summary>A figure eight: the ring crosses itself in the middle.</summary>
    private static Polygon BowTie(double west, double south, double east, double north) =>
        Ring([(south, west), (north, east), (south, east), (north, west), (south, west)]);

    private static Polygon Ring((double Lat, double Lon)[] points) =>
        new GeometryFactory(new PrecisionModel(), 4326).CreatePolygon(points.Select(p => new Coordinate(p.Lon, p.Lat)).ToArray());

    private static Feature Feature(Geometry g, params (string Key, object Value)[] properties)
    {
        var table = new AttributesTable();
        foreach (var (key, value) in properties) table.Add(key, value);
        return new Feature(g, table);
    }

    private static void WriteGeoJson(string path, params Feature[] features)
    {
        var options = new System.Text.Json.JsonSerializerOptions { Converters = { new NetTopologySuite.IO.Converters.GeoJsonConverterFactory() } };
        var collection = new FeatureCollection();
        foreach (var f in features) collection.Add(f);
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(collection, options));
    }

    private static void WriteShapefile(string path, string prj, params Feature[] features) =>
        Shapefile.WriteAllFeatures(features, path, prj, Encoding.UTF8);
}
