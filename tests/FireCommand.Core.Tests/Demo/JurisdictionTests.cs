using FireCommand.Core.Demo;
using FireCommand.Core.Resources;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Union;

namespace FireCommand.Core.Tests.Demo;

[Collection(DemoProvinceCollection.Name)]
public sealed class JurisdictionTests(DemoProvinceFixture fixture)
{
    public static TheoryData<int> Seeds => new(DemoProvinceFixture.Seeds);

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_JurisdictionTree_HasOneRootAndThreeLevels(int seed)
    {
        var rows = fixture.Get(seed).Jurisdictions;
        var byId = rows.ToDictionary(j => j.Id);

        var root = Assert.Single(rows, j => j.ParentId is null);
        Assert.Equal(JurisdictionLevel.Corps, root.Level);
        Assert.EndsWith("消防救援总队", root.Name);
        foreach (var j in rows.Where(j => j.ParentId is not null))
        {
            var parent = byId[j.ParentId!.Value];
            Assert.Equal(parent.Level + 1, j.Level);
        }
        var detachments = rows.Where(j => j.Level == JurisdictionLevel.Detachment).ToList();
        Assert.InRange(detachments.Count, 4, 6);
        Assert.All(detachments, d => Assert.InRange(rows.Count(b => b.ParentId == d.Id), 3, 6));
        Assert.All(detachments, d => Assert.EndsWith("市消防救援支队", d.Name));
        Assert.All(rows.Where(j => j.Level == JurisdictionLevel.Brigade), b => Assert.Matches("^.+[区县]大队$", b.Name));
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_JurisdictionCodes_AreUniqueAndNestedLikeGbt2260(int seed)
    {
        var rows = fixture.Get(seed).Jurisdictions;
        var byId = rows.ToDictionary(j => j.Id);

        Assert.Equal(rows.Count, rows.Select(j => j.Code).Distinct().Count());
        Assert.All(rows, j => Assert.Matches("^[0-9]{6}$", j.Code));
        var province = rows.Single(j => j.Level == JurisdictionLevel.Corps).Code;
        Assert.EndsWith("0000", province);
        foreach (var j in rows.Where(j => j.Level == JurisdictionLevel.Detachment))
        {
            Assert.StartsWith(province[..2], j.Code);
            Assert.EndsWith("00", j.Code);
            Assert.NotEqual("00", j.Code[2..4]);
        }
        foreach (var j in rows.Where(j => j.Level == JurisdictionLevel.Brigade))
        {
            Assert.StartsWith(byId[j.ParentId!.Value].Code[..4], j.Code);
            // Urban districts are numbered 01–20, counties from 21, as in GB/T 2260.
            var number = int.Parse(j.Code[4..]);
            Assert.Equal(j.Name.EndsWith("区大队"), number <= 20);
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_BrigadeBoundaries_PartitionTheirDetachmentAndTheProvince(int seed)
    {
        var rows = fixture.Get(seed).Jurisdictions;
        Assert.All(rows, j => Assert.True(j.Boundary is { IsEmpty: false, IsValid: true }, $"{j.Name} boundary"));
        Assert.All(rows, j => Assert.Equal(4326, j.Boundary!.SRID));

        var province = rows.Single(j => j.ParentId is null).Boundary!;
        foreach (var detachment in rows.Where(j => j.Level == JurisdictionLevel.Detachment))
        {
            var brigades = rows.Where(b => b.ParentId == detachment.Id).Select(b => (NetTopologySuite.Geometries.Geometry)b.Boundary!).ToList();
            var union = CascadedPolygonUnion.Union(brigades);
            var area = detachment.Boundary!.Area;
            // Together the brigades cover the detachment: no gaps…
            Assert.True(OverlayNGRobust.Overlay(detachment.Boundary, union, NetTopologySuite.Operation.Overlay.SpatialFunction.SymDifference).Area < area * 1e-6);
            // …and no overlaps.
            Assert.Equal(area, brigades.Sum(b => b.Area), area * 1e-6);
        }
        var detachmentArea = rows.Where(j => j.Level == JurisdictionLevel.Detachment).Sum(d => d.Boundary!.Area);
        Assert.Equal(province.Area, detachmentArea, province.Area * 1e-6);
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_Province_IsRealisticInSizeAndPlace(int seed)
    {
        var p = fixture.Get(seed);
        var outline = p.Jurisdictions.Single(j => j.ParentId is null).Boundary!;

        Assert.InRange(p.Bounds.MinLatitude, 23.5, 30.5);
        Assert.InRange(p.Bounds.MaxLatitude, 23.5, 30.5);
        Assert.InRange(p.Bounds.MinLongitude, 107.5, 118.5);
        Assert.InRange(p.Bounds.MaxLongitude, 107.5, 118.5);
        var widthKm = (p.Bounds.MaxLongitude - p.Bounds.MinLongitude) * 111.32 * Math.Cos(p.Bounds.MinLatitude * Math.PI / 180);
        var heightKm = (p.Bounds.MaxLatitude - p.Bounds.MinLatitude) * 110.57;
        Assert.InRange(Math.Max(widthKm, heightKm), 300, 460);
        // An irregular outline, not a circle or a box: it fills its bounding box only partly and has many vertices.
        Assert.InRange(outline.Area / outline.Envelope.Area, 0.55, 0.85);
        Assert.True(outline.NumPoints > 500);
    }
}
