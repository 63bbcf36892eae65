using FireCommand.Geo.Tiles;

namespace FireCommand.Geo.Tests.Tiles;

/// <summary>The PMTiles reader against archives written from the specification by <see cref="PmTilesSpecWriter"/>.</summary>
public sealed class PmTilesReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-pmtiles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TileId_MatchesTheSpecExamples_AndTheHilbertCurveWalkedForwards()
    {
        // The spec's examples: zoom 1 is numbered along the curve 0/0, 0/1, 1/1, 1/0 after the single zoom-0 tile.
        Assert.Equal(0UL, PmTilesDirectory.TileId(0, 0, 0));
        Assert.Equal(1UL, PmTilesDirectory.TileId(1, 0, 0));
        Assert.Equal(2UL, PmTilesDirectory.TileId(1, 0, 1));
        Assert.Equal(3UL, PmTilesDirectory.TileId(1, 1, 1));
        Assert.Equal(4UL, PmTilesDirectory.TileId(1, 1, 0));
        for (int z = 0; z <= 5; z++)
            for (int x = 0; x < 1 << z; x++)
                for (int y = 0; y < 1 << z; y++)
                    Assert.Equal(PmTilesSpecWriter.ReferenceTileId(z, x, y), PmTilesDirectory.TileId(z, (uint)x, (uint)y));
    }

    [Fact]
    public void TileId_OutsideTheZoomsGrid_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PmTilesDirectory.TileId(2, 4, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PmTilesDirectory.TileId(2, 0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => PmTilesDirectory.TileId(32, 0, 0));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(7)]
    [InlineData(1)]
    public void ReadTile_ReturnsEveryStoredTile_WithRunsAndLeafDirectories(int? leafSize)
    {
        var tiles = SampleTiles();
        var path = Save(PmTilesSpecWriter.Write(tiles, tileType: 2, 0, 4, """{"attribution":"测试底图"}""", leafSize));

        using var reader = PmTilesReader.Open(path);
        foreach (var t in tiles)
            Assert.Equal(t.Data, reader.ReadTile(t.Z, (uint)t.X, (uint)t.Y));
        // Tiles the archive does not hold: a gap in zoom 3, and zooms beyond its range.
        Assert.Null(reader.ReadTile(3, 7, 7));
        Assert.Null(reader.ReadTile(5, 0, 0));
        Assert.Contains("测试底图", reader.ReadMetadata());
    }

    [Fact]
    public void Header_GivesTypeZoomsAndBounds()
    {
        var path = Save(PmTilesSpecWriter.Write(SampleTiles(), tileType: 4, 0, 4, "{}", bounds: (114.0, 22.5, 114.1, 22.6)));
        using var reader = PmTilesReader.Open(path);
        Assert.Equal(PmTilesTileType.Webp, reader.Header.TileType);
        Assert.Equal(PmTilesCompression.Gzip, reader.Header.InternalCompression);
        Assert.Equal(PmTilesCompression.None, reader.Header.TileCompression);
        Assert.Equal((0, 4), (reader.Header.MinZoom, reader.Header.MaxZoom));
        Assert.Equal(114.0, reader.Header.MinLongitude, 1e-7);
        Assert.Equal(22.6, reader.Header.MaxLatitude, 1e-7);
    }

    [Fact]
    public void Open_ANonPmTilesFile_SaysWhy()
    {
        var notPmTiles = Save(new byte[200]);
        Assert.Contains("magic", Assert.Throws<InvalidDataException>(() => PmTilesReader.Open(notPmTiles)).Message);

        var archive = PmTilesSpecWriter.Write(SampleTiles(), 2, 0, 4, "{}");
        archive[7] = 2;
        Assert.Contains("version 2", Assert.Throws<InvalidDataException>(() => PmTilesReader.Open(Save(archive))).Message);

        var truncated = PmTilesSpecWriter.Write(SampleTiles(), 2, 0, 4, "{}")[..140];
        Assert.Throws<InvalidDataException>(() => PmTilesReader.Open(Save(truncated)));
    }

    /// <summary>Every tile of zooms 0–4 but one, each its own bytes, except a run of eight equal tiles and a repeat of tile 0.</summary>
    private static List<PmTilesSpecWriter.Tile> SampleTiles()
    {
        var tiles = new List<PmTilesSpecWriter.Tile>();
        for (int z = 0; z <= 4; z++)
            for (int x = 0; x < 1 << z; x++)
                for (int y = 0; y < 1 << z; y++)
                {
                    if (z == 3 && x == 7 && y == 7) continue;
                    var id = PmTilesSpecWriter.ReferenceTileId(z, x, y);
                    byte[] data = id is >= 30 and < 38 ? [9, 9, 9]
                        : id == 100 ? [0, 0, 0, 0]
                        : System.Text.Encoding.UTF8.GetBytes($"tile {z}/{x}/{y} {new string('x', (int)(id % 13))}");
                    tiles.Add(new PmTilesSpecWriter.Tile(z, x, y, data));
                }
        return tiles;
    }

    private string Save(byte[] bytes)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".pmtiles");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
