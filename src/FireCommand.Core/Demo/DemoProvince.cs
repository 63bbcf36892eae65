using FireCommand.Core.Map;
using FireCommand.Core.Resources;

namespace FireCommand.Core.Demo;

/// <summary>A latitude/longitude box, WGS-84 degrees.</summary>
public sealed record GeoBounds(double MinLatitude, double MinLongitude, double MaxLatitude, double MaxLongitude);

/// <summary>
/// A complete fictional province, ready to seed. Every entity carries an explicit id (1..n per
/// type, in list order) and its foreign keys; navigation properties are left null, so inserting the
/// lists in the order jurisdictions → stations → units, personnel, the rest needs no fix-up. Insert
/// with the given ids (on PostgreSQL, reset the identity sequences afterwards). Road junction ids
/// (<see cref="RoadSegment.FromJunction"/>) are shared where segments meet and need no table.
/// The objects are fresh per call and owned by the caller.
/// </summary>
public sealed record DemoProvince(
    string ProvinceName,
    GeoBounds Bounds,
    IReadOnlyList<Jurisdiction> Jurisdictions,
    IReadOnlyList<Station> Stations,
    IReadOnlyList<Unit> Units,
    IReadOnlyList<Personnel> Personnel,
    IReadOnlyList<WaterSource> WaterSources,
    IReadOnlyList<KeyPlace> KeyPlaces,
    IReadOnlyList<Settlement> Settlements,
    IReadOnlyList<RoadSegment> RoadSegments);
