using FireCommand.Core.Demo;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Map;
using FireCommand.Core.Resources;
using FireCommand.Core.Shared;
using FireCommand.Geo;
using FireCommand.Geo.Routing;
using NetTopologySuite.Geometries.Prepared;

namespace FireCommand.Bench.Dispatch;

/// <summary>An incident location with the brigade it falls in.</summary>
internal readonly record struct BenchIncident(GeoPoint Location, long JurisdictionId);

/// <summary>
/// The demo province of seed 1 (≈ 105 stations, ≈ 426 units at their stations with the generator's
/// statuses), its routing graph built from its own road segments, and random incident locations:
/// <c>populated</c> ones at settlements drawn by population and moved up to 1 km (where calls come
/// from), and <c>uniform</c> ones anywhere in the province within 1 km of a road.
/// </summary>
internal sealed class DispatchBenchData
{
    private static readonly Lazy<DispatchBenchData> Cached = new(() => new DispatchBenchData(1));

    public static DispatchBenchData Seed1 => Cached.Value;

    private DispatchBenchData(int seed)
    {
        Province = DemoProvinceGenerator.Generate(seed, new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)));
        Engine = new RoutingEngine(ProvinceRoadGraph.Build(Province.RoadSegments).Network);
        Source = new TravelTimeSource(Engine);
        var brigadeOf = Province.Stations.ToDictionary(s => s.Id, s => s.JurisdictionId);
        Candidates = Province.Units.Select(u => new CandidateUnit(u.Id, u.CallSign, u.Type, u.Capabilities, u.Status, u.HomeStationId,
            brigadeOf[u.HomeStationId], new GeoPoint(u.Position.Y, u.Position.X))).ToList();
        Positions = Candidates.Select(c => new UnitPosition(c.Id, c.Position)).ToList();
        AvailableByStation = Province.Units.Where(u => u.Status == UnitStatus.Available)
            .GroupBy(u => u.HomeStationId).ToDictionary(g => g.Key, g => g.Count());
        Slots = PlanExpansion.Expand(PlanSet.Default, IncidentType.Fire, 2, KeyPlaceCategory.None);
    }

    public DemoProvince Province { get; }
    public RoutingEngine Engine { get; }
    public TravelTimeSource Source { get; }
    public IReadOnlyList<CandidateUnit> Candidates { get; }
    public IReadOnlyList<UnitPosition> Positions { get; }
    public IReadOnlyDictionary<long, int> AvailableByStation { get; }
    /// <summary>A level-2 fire in an ordinary place: 4× water, 1× rescue, 1× command.</summary>
    public IReadOnlyList<RequiredSlot> Slots { get; }

    /// <summary>One full recommendation: travel times (snapping every unit) and the assignment.</summary>
    public Recommendation Recommend(BenchIncident incident, SnappedUnits? snapped = null)
    {
        var travel = snapped is null ? Source.TravelTimesTo(incident.Location, Positions) : Source.TravelTimesTo(incident.Location, snapped);
        return UnitRecommender.Recommend(new RecommendationRequest(
            new RecommendationIncident(incident.Location, incident.JurisdictionId, IncidentType.Fire, 2),
            PlanExpansion.Expand(PlanSet.Default, IncidentType.Fire, 2, KeyPlaceCategory.None),
            Candidates, travel, AvailableByStation));
    }

    public List<BenchIncident> Incidents(string kind, int count, int seed)
    {
        var rng = new Random(seed);
        var brigades = Province.Jurisdictions.Where(j => j.Level == JurisdictionLevel.Brigade && j.Boundary is not null)
            .Select(j => (j.Id, Shape: PreparedGeometryFactory.Prepare(j.Boundary!))).ToList();
        var settlements = Province.Settlements;
        double totalPopulation = settlements.Sum(s => (double)s.Population);
        var result = new List<BenchIncident>(count);
        while (result.Count < count)
        {
            GeoPoint p;
            if (kind == "populated")
            {
                double pick = rng.NextDouble() * totalPopulation;
                var s = settlements.First(x => (pick -= x.Population) <= 0 || x == settlements[^1]);
                double r = 1000 * Math.Sqrt(rng.NextDouble()), a = rng.NextDouble() * 2 * Math.PI;
                p = new GeoPoint(s.Location.Y + r * Math.Sin(a) / 111_195, s.Location.X + r * Math.Cos(a) / (111_195 * Math.Cos(s.Location.Y * Math.PI / 180)));
            }
            else
            {
                var b = Province.Bounds;
                p = new GeoPoint(b.MinLatitude + rng.NextDouble() * (b.MaxLatitude - b.MinLatitude),
                    b.MinLongitude + rng.NextDouble() * (b.MaxLongitude - b.MinLongitude));
            }
            var point = Geography.Point(p.Latitude, p.Longitude);
            var brigade = brigades.FirstOrDefault(x => x.Shape.Contains(point));
            if (brigade.Shape is null || !Engine.Snap(p, 1000).IsOnRoad) continue;
            result.Add(new BenchIncident(p, brigade.Id));
        }
        return result;
    }
}
