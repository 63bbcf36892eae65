using FireCommand.Core.Resources;

namespace FireCommand.Core.Map.Province;

/// <summary>
/// The files of a province package folder. The manifest says what was built from what; the graph is
/// the routing graph as <c>import-osm</c> stores it; the records are what the database is seeded from.
/// </summary>
public static class ProvincePackageFiles
{
    public const string Manifest = "manifest.json";
    public const string Graph = "roads.fcgraph";
    public const string Records = "records.json";
    public const int FormatVersion = 1;
}

/// <summary>One input file with its SHA-256, so a package says exactly which data it came from.</summary>
public sealed record PackageSource(string Kind, string File, long Bytes, string Sha256);

/// <summary>A WGS-84 box.</summary>
public sealed record PackageBounds(double MinLatitude, double MinLongitude, double MaxLatitude, double MaxLongitude);

/// <summary>The package's manifest.json.</summary>
public sealed record ProvinceManifest(
    int FormatVersion,
    string Name,
    PackageBounds Bounds,
    IReadOnlyList<PackageSource> Sources,
    DateTimeOffset BuiltAt,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyDictionary<int, JurisdictionLevel> AdminLevels,
    IReadOnlyList<string> Notes,
    IReadOnlyList<Inputs.RejectedRow>? RejectedRows = null);

/// <summary>A jurisdiction row; <c>Boundary</c> holds outer rings as [longitude, latitude] pairs.</summary>
public sealed record JurisdictionRecord(long Id, string Name, string Code, JurisdictionLevel Level, long? ParentId,
    IReadOnlyList<double[][]> Boundary, string Source);

/// <summary>A unit row; <c>Generated</c> is true when the fleet was made up from the station's kind.</summary>
public sealed record UnitRecord(long Id, string CallSign, ApparatusType Type, UnitCapability Capabilities, int WaterCapacityLiters,
    int FoamCapacityLiters, double ReachHeightMeters, int Seats, bool Generated);

public sealed record StationRecord(long Id, string Name, StationKind Kind, double Latitude, double Longitude, string? Address,
    string? Phone, long JurisdictionId, string Source, IReadOnlyList<UnitRecord> Units);

public sealed record WaterSourceRecord(long Id, string Code, WaterSourceKind Kind, double Latitude, double Longitude,
    string? Address, double? CapacityCubicMeters, long JurisdictionId, string Source);

public sealed record SettlementRecord(long Id, string Name, SettlementKind Kind, double Latitude, double Longitude, int Population,
    long JurisdictionId, string Source);

/// <summary>A key place (消防安全重点单位) from the corps' record file.</summary>
public sealed record KeyPlaceRecord(long Id, string Name, KeyPlaceCategory Categories, double Latitude, double Longitude, string? Address,
    int? Floors, double? HeightMeters, double? FloorAreaSquareMeters, int? Occupants, string? ResponsiblePerson, string? Phone,
    long JurisdictionId, string Source);

/// <summary>A road piece; <c>Shape</c> as [longitude, latitude] pairs.</summary>
public sealed record RoadRecord(long Id, string? Name, RoadClass Class, long FromJunction, long ToJunction, bool OneWay,
    double[][] Shape, double LengthMeters);

/// <summary>A gazetteer name: what it is called, where, and of what kind (street, place, address, poi, station…).</summary>
public sealed record NameRecord(string Name, string Kind, double Latitude, double Longitude, string Source);

/// <summary>A station's response area (责任区): polygons, each a list of rings ([longitude, latitude] pairs, the
/// outer ring first), as GeoJSON's MultiPolygon coordinates; <c>Source</c> is <c>road-time</c> or the file.</summary>
public sealed record ResponseAreaRecord(long StationId, IReadOnlyList<double[][][]> Polygons, double AreaSquareKilometers, string Source);

/// <summary>The package's records.json. <c>ResponseAreas</c> is absent in packages built without them.</summary>
public sealed record ProvinceRecords(
    IReadOnlyList<JurisdictionRecord> Jurisdictions,
    IReadOnlyList<StationRecord> Stations,
    IReadOnlyList<WaterSourceRecord> WaterSources,
    IReadOnlyList<SettlementRecord> Settlements,
    IReadOnlyList<RoadRecord> Roads,
    IReadOnlyList<NameRecord> Names,
    IReadOnlyList<KeyPlaceRecord>? KeyPlaces = null,
    IReadOnlyList<ResponseAreaRecord>? ResponseAreas = null);
