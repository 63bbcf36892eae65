namespace FireCommand.Core.Demo;

/// <summary>
/// Generates the demo province shown on first start: jurisdictions, settlements, roads, stations,
/// units, personnel, water sources and key places of a fictional province in southern China.
/// </summary>
public static class DemoProvinceGenerator
{
    /// <summary>
    /// A pure function of <paramref name="seed"/> and <paramref name="now"/>: the same arguments
    /// give the same province, bit for bit, on any machine and .NET version (own PRNG, own
    /// trigonometry, no hash-order dependence). <paramref name="now"/> only dates the units' last
    /// status changes. Thread-safe; each call builds fresh objects. Takes about a second.
    /// </summary>
    public static DemoProvince Generate(int seed, DateTimeOffset now)
    {
        var names = new NameRegistry();
        var shape = ProvinceShape.Create(seed);
        var admin = AdminPlanner.Plan(shape, names, seed);
        var settlements = SettlementPlanner.Plan(admin, names, seed);
        var roads = RoadNetworkBuilder.Build(admin, settlements, seed);
        var keyPlaces = KeyPlacePlanner.Plan(admin, settlements, seed);
        var stations = StationPlanner.Plan(admin, settlements, keyPlaces, names, seed);
        var units = FleetBuilder.Build(admin, stations, now, seed);
        var personnel = RosterBuilder.Build(stations, units, seed);
        var water = WaterSourcePlanner.Plan(admin, settlements, keyPlaces, seed);

        var outline = admin.ProvinceBoundary.EnvelopeInternal;
        return new DemoProvince(
            shape.Name,
            new GeoBounds(outline.MinY, outline.MinX, outline.MaxY, outline.MaxX),
            JurisdictionTree.Build(admin),
            stations.Select(s => s.Station).ToList(),
            units,
            personnel,
            water,
            keyPlaces.Select(k => k.Place).ToList(),
            SettlementRows.Build(settlements),
            roads);
    }
}
