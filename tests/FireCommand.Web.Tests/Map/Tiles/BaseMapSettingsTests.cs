using FireCommand.Web.Map;
using FireCommand.Web.Map.Tiles;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Tests.Map.Tiles;

/// <summary>Base-map settings: what each kind needs, what the One Map is told, and a bad file stopping the start.</summary>
public sealed class BaseMapSettingsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-basemap-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("xyz", "https://gis.example.invalid/tiles/{z}/{x}.png", null, "Map:BaseLayer:Url")]
    [InlineData("wmts", "https://gis.example.invalid/wmts?TILEMATRIX={TileMatrix}", null, "Map:BaseLayer:Url")]
    [InlineData("mbtiles", null, null, "Map:BaseLayer:Path")]
    [InlineData("pmtiles", null, " ", "Map:BaseLayer:Path")]
    [InlineData("geojson", null, "a.geojson", "Map:BaseLayer:Kind")]
    public void Validation_NamesTheSettingAKindIsMissing(string kind, string? url, string? path, string setting)
    {
        var options = new MapOptions { BaseLayer = { Kind = kind, Url = url, Path = path } };
        var result = new BaseMapOptionsValidation().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage);
    }

    [Fact]
    public void Validation_RejectsAnUnknownCoordinateSystem_AndAcceptsEitherCase()
    {
        var bad = new MapOptions { BaseLayer = { Url = "https://t0.example.invalid/{z}/{x}/{y}.png", CoordinateSystem = "bd09" } };
        Assert.Contains("Map:BaseLayer:CoordinateSystem", new BaseMapOptionsValidation().Validate(null, bad).FailureMessage);
        var good = new MapOptions { BaseLayer = { Url = "https://t0.example.invalid/{z}/{x}/{y}.png", CoordinateSystem = "gcj02" } };
        Assert.True(new BaseMapOptionsValidation().Validate(null, good).Succeeded);
    }

    [Fact]
    public void Wmts_GetTileUrl_BecomesAZxyTemplate_AndTheMapIsToldItsKindAndDatum()
    {
        const string tianditu = "https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default"
                                + "&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}&tk=KEY";
        var options = new MapOptions
        {
            BaseLayer = { Kind = "WMTS", Url = tianditu, Attribution = "天地图", CoordinateSystem = "wgs84", MaxZoom = 17 },
        };
        Assert.True(new BaseMapOptionsValidation().Validate(null, options).Succeeded);
        using var baseMap = new BaseMap(Options.Create(options));
        var view = baseMap.View!;
        Assert.Equal("wmts", view.Kind);
        Assert.EndsWith("&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY", view.Url);
        Assert.Equal(("Wgs84", 17, "天地图"), (view.CoordinateSystem, view.MaxZoom, view.Attribution));
        Assert.Null(baseMap.Source);
    }

    [Fact]
    public void NoBaseLayer_ByDefault_AndAnUrlAloneStillMeansXyz()
    {
        using var none = new BaseMap(Options.Create(new MapOptions()));
        Assert.Equal(BaseMapKind.None, none.Kind);
        Assert.Null(none.View);
        using var xyz = new BaseMap(Options.Create(new MapOptions { BaseLayer = { Url = "https://gis.example.invalid/{z}/{x}/{y}.png" } }));
        Assert.Equal("xyz", xyz.View!.Kind);
    }

    [Fact]
    public void Start_WithAMissingOrForeignTileFile_StopsWithTheReason()
    {
        var missing = Path.Combine(_dir, "missing.mbtiles");
        var e = StartFailure(("mbtiles", missing));
        Assert.IsType<FileNotFoundException>(e);
        Assert.Contains(missing, e.Message);

        var text = Path.Combine(_dir, "notes.pmtiles");
        File.WriteAllText(text, new string('x', 300));
        Assert.Contains("magic", Assert.IsType<InvalidDataException>(StartFailure(("pmtiles", text))).Message);

        var empty = Path.Combine(_dir, "empty.mbtiles");
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={empty};Pooling=False"))
        {
            c.Open();
            using var command = c.CreateCommand();
            command.CommandText = "CREATE TABLE other (x)";
            command.ExecuteNonQuery();
        }
        Assert.Contains("no tiles table", Assert.IsType<InvalidDataException>(StartFailure(("mbtiles", empty))).Message);
    }

    private Exception StartFailure((string Kind, string Path) file)
    {
        var data = Directory.CreateDirectory(Path.Combine(_dir, Guid.NewGuid().ToString("N"))).FullName;
        var settings = PlatformFactory.Defaults(data);
        settings["Database:Provider"] = "Sqlite";
        settings["Demo:Enabled"] = "false";
        settings["Map:BaseLayer:Kind"] = file.Kind;
        settings["Map:BaseLayer:Path"] = file.Path;
        using var factory = new PlatformFactory(settings);
        var e = Assert.ThrowsAny<Exception>(() => factory.Server);
        return e is AggregateException a ? a.InnerException! : e;
    }
}

/// <summary>A PMTiles file as the platform serves it: format, credit and tiles from the archive written to the specification.</summary>
public sealed class PmTilesSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-pmtiles-source-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Open_ReadsFormatZoomsBoundsAndCredit_AndGivesTilesByXyz()
    {
        var magenta = TestTiles.SolidPng(TestTiles.Magenta, 8);
        var cyan = TestTiles.SolidPng(TestTiles.Cyan, 8);
        var tiles = new List<FireCommand.Geo.Tests.Tiles.PmTilesSpecWriter.Tile>();
        for (int x = 0; x < 4; x++)
            for (int y = 0; y < 4; y++)
                tiles.Add(new(2, x, y, y == 3 ? cyan : magenta));
        var path = Path.Combine(_dir, "province.pmtiles");
        File.WriteAllBytes(path, FireCommand.Geo.Tests.Tiles.PmTilesSpecWriter.Write(tiles, tileType: 2, 2, 2,
            """{"attribution":"<a href=\"https://example.invalid\">© 省测绘局</a>"}""", leafSize: 3, bounds: (113.8, 22.4, 114.2, 22.7)));

        var options = new MapOptions { BaseLayer = { Kind = "pmtiles", Path = path } };
        using var baseMap = new BaseMap(Options.Create(options));
        var view = baseMap.View!;
        Assert.Equal(("pmtiles", "png", 2, 2, "© 省测绘局"), (view.Kind, view.Format, view.MinZoom, view.MaxZoom, view.Attribution));
        Assert.Equal([113.8, 22.4, 114.2, 22.7], view.Bounds!.Select(b => Math.Round(b, 6)));
        // XYZ row 3 is the southern edge, where the archive holds the cyan tiles.
        Assert.Equal(cyan, (await baseMap.Source!.GetTileAsync(2, 1, 3, CancellationToken.None))!.Data);
        Assert.Equal(magenta, (await baseMap.Source.GetTileAsync(2, 1, 0, CancellationToken.None))!.Data);
        Assert.Null((await baseMap.Source.GetTileAsync(2, 1, 3, CancellationToken.None))!.ContentEncoding);
        Assert.Null(await baseMap.Source.GetTileAsync(3, 0, 0, CancellationToken.None));
    }
}
