using FireCommand.Core.Map;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Tests.Demo;

[Collection(DemoProvinceCollection.Name)]
public sealed class RoadNetworkTests(DemoProvinceFixture fixture)
{
    public static TheoryData<int> Seeds => new(DemoProvinceFixture.Seeds);

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_RoadNetwork_IsConnected(int seed)
    {
        var roads = fixture.Get(seed).RoadSegments;
        var parent = new Dictionary<long, long>();
        long Find(long x)
        {
            parent.TryAdd(x, x);
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        foreach (var r in roads) parent[Find(r.FromJunction)] = Find(r.ToJunction);

        var components = parent.Keys.Select(Find).Distinct().Count();
        Assert.Equal(1, components);
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_SegmentsMeetingAtAJunction_ShareItsExactPosition(int seed)
    {
        var positions = new Dictionary<long, Coordinate>();
        foreach (var r in fixture.Get(seed).RoadSegments)
        {
            Check(r.FromJunction, r.Geometry.StartPoint.Coordinate, r);
            Check(r.ToJunction, r.Geometry.EndPoint.Coordinate, r);
        }

        void Check(long junction, Coordinate at, RoadSegment r)
        {
            if (positions.TryAdd(junction, at)) return;
            Assert.True(positions[junction].Equals2D(at), $"segment {r.Id} ends off junction {junction}");
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_EverySettlement_IsOnTheNetwork(int seed)
    {
        var p = fixture.Get(seed);
        var junctions = p.RoadSegments.SelectMany(r => new[] { r.Geometry.StartPoint, r.Geometry.EndPoint }).ToList();
        var index = new NetTopologySuite.Index.Strtree.STRtree<Point>();
        foreach (var j in junctions) index.Insert(j.EnvelopeInternal, j);
        index.Build();

        Assert.All(p.Settlements, s =>
        {
            // A village sits on its junction; a city's centre is within a block of a grid intersection.
            var search = new Envelope(s.Location.Coordinate);
            search.ExpandBy(0.01);
            var nearest = index.Query(search).Select(j => j.Distance(s.Location)).DefaultIfEmpty(double.MaxValue).Min();
            Assert.True(nearest < 0.005, $"{s.Name} has no junction within ~500 m");
        });
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_RoadSegments_AreSoundAndMeasured(int seed)
    {
        var roads = fixture.Get(seed).RoadSegments;

        Assert.InRange(roads.Count, 8_000, 25_000);
        Assert.All(Enum.GetValues<RoadClass>(), c => Assert.Contains(roads, r => r.Class == c));
        Assert.All(roads, r =>
        {
            Assert.Equal(4326, r.Geometry.SRID);
            Assert.True(r.Geometry.IsValid, $"segment {r.Id}");
            Assert.NotEqual(r.FromJunction, r.ToJunction);
            // Haversine ≥ the planar length in degrees scaled by the shortest degree (longitude at the province's north edge).
            var kmPerDegree = 111.19 * Math.Cos(31 * Math.PI / 180);
            Assert.True(r.LengthMeters >= r.Geometry.Length * kmPerDegree * 1000 * 0.99, $"segment {r.Id} too short");
            Assert.True(r.LengthMeters <= r.Geometry.Length * 111.3 * 1000 * 1.01, $"segment {r.Id} too long");
        });
        Assert.True(roads.Count(r => r.OneWay) < roads.Count / 20, "one-way streets are the exception");
        Assert.All(roads.Where(r => r.Class == RoadClass.Expressway), r => Assert.EndsWith("高速", r.Name));
        Assert.All(roads.Where(r => r.Class == RoadClass.Arterial), r => Assert.Matches("(国道|省道|连接线)$", r.Name!));
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_MountainRoads_Wind(int seed)
    {
        var mountain = fixture.Get(seed).RoadSegments.Where(r => r.Class == RoadClass.Mountain).ToList();
        var straight = mountain.Sum(r => r.Geometry.StartPoint.Distance(r.Geometry.EndPoint));
        var travelled = mountain.Sum(r => r.Geometry.Length);

        Assert.True(travelled > 1.15 * straight, $"mountain roads run {travelled / straight:F2}× the straight line");
    }
}
