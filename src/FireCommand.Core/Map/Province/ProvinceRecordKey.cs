namespace FireCommand.Core.Map.Province;

/// <summary>
/// Which database row a package record became, by the record's stable key (its OSM id, its code in the
/// corps' file, or for a unit its station's key and call sign). Package ids are 1..n per build and shift
/// when a station is added, so a re-import matches rows by these keys instead.
/// </summary>
public sealed class ProvinceRecordKey
{
    public long Id { get; set; }
    /// <summary>jurisdiction, station, unit, waterSource or settlement.</summary>
    public required string Kind { get; set; }
    public required string Key { get; set; }
    public long EntityId { get; set; }
}
