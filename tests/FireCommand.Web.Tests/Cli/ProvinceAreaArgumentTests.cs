using FireCommand.Core.Map.Province.ResponseAreas;
using FireCommand.Geo.Coordinates;
using FireCommand.Web.Cli;

namespace FireCommand.Web.Tests.Cli;

/// <summary>
/// How <c>province build</c> reads each area file's coordinate system: from a preceding <c>--crs</c>,
/// or written after the file as the record files write it (<c>file:gcj02</c>), never both.
/// </summary>
public sealed class ProvinceAreaArgumentTests
{
    private static Core.Map.Province.ProvinceAreaOptions Parse(params string[] args) =>
        ProvinceAreaArguments.Parse(CliArguments.Parse(["province", "build", .. args]));

    [Fact]
    public void FileSuffix_AndPrecedingCrs_NameEachFilesSystem()
    {
        var options = Parse(
            "--boundaries", "detachments.geojson:gcj02", "--level", "detachment",
            "--crs", "bd09", "--boundaries", "brigades.shp", "--level", "brigade",
            "--boundaries", "towns.geojson", "--level", "brigade",
            "--response-areas", "areas.geojson:cgcs2000");

        Assert.Equal(
            [("detachments.geojson", CoordinateSystem.Gcj02), ("brigades.shp", CoordinateSystem.Bd09), ("towns.geojson", CoordinateSystem.Wgs84)],
            options.BoundaryFiles.Select(b => (b.Path, b.Crs)));
        Assert.Equal(ResponseAreaMode.File, options.ResponseAreas.Mode);
        Assert.Equal("areas.geojson", options.ResponseAreas.Path);
        Assert.Equal(CoordinateSystem.Wgs84, options.ResponseAreas.Crs); // CGCS2000 is read as WGS-84
    }

    [Fact]
    public void ColonInThePath_IsNotTakenForASystem()
    {
        var options = Parse("--boundaries", "exports/2026-12-03T10:00/brigades.geojson", "--level", "brigade");
        Assert.Equal("exports/2026-12-03T10:00/brigades.geojson", options.BoundaryFiles.Single().Path);
        Assert.Equal(CoordinateSystem.Wgs84, options.BoundaryFiles.Single().Crs);
    }

    [Fact]
    public void BothASuffix_AndAPrecedingCrs_IsAUsageError()
    {
        var e = Assert.Throws<CliUsageException>(() =>
            Parse("--crs", "gcj02", "--boundaries", "brigades.geojson:bd09", "--level", "brigade"));
        Assert.Contains("brigades.geojson:bd09", e.Message);
    }
}
