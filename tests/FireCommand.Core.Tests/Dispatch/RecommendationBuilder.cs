using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Resources;
using FireCommand.Geo;

namespace FireCommand.Core.Tests.Dispatch;

/// <summary>Small hand-made recommendation requests: units at the scene's coordinates with the travel times given.</summary>
internal static class RecommendationBuilder
{
    public static readonly GeoPoint Scene = new(28.2, 112.9);
    public const long HomeBrigade = 1;

    public static CandidateUnit Unit(long id, UnitCapability capabilities, long station = 1, UnitStatus status = UnitStatus.Available,
        long jurisdiction = HomeBrigade, ApparatusType type = ApparatusType.WaterTender) =>
        new(id, $"U{id}", type, capabilities, status, station, jurisdiction, new GeoPoint(Scene.Latitude + id * 0.001, Scene.Longitude));

    public static RequiredSlot Slot(UnitCapability capabilities, int count) =>
        new(new SlotRequirement(capabilities), count, capabilities.ToString(), capabilities.ToString());

    public static RecommendationRequest Request(IReadOnlyList<RequiredSlot> slots, IReadOnlyList<CandidateUnit> units,
        IReadOnlyDictionary<long, double?> eta, IReadOnlyDictionary<long, int>? stationCounts = null, RecommendationOptions? options = null) =>
        new(new RecommendationIncident(Scene, HomeBrigade, IncidentType.Fire, 2),
            slots, units,
            eta.ToDictionary(p => p.Key, p => p.Value is { } s ? UnitTravel.Reachable(s) : UnitTravel.UnreachableBecause(UnreachableReason.BeyondTimeLimit)),
            stationCounts ?? new Dictionary<long, int>(),
            options);
}
