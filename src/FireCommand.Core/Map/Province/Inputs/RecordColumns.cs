namespace FireCommand.Core.Map.Province.Inputs;

/// <summary>The four kinds of record file a package is built from.</summary>
public enum RecordTable
{
    Stations,
    Units,
    WaterSources,
    KeyPlaces,
}

/// <summary>One column of a record file: its English key, Chinese header, whether a row needs it, what it
/// means and which values it takes.</summary>
public sealed record RecordColumn(string Key, string Chinese, bool Required, string Meaning, string Allowed);

/// <summary>
/// The columns of each record file. A template's header cell reads "名称* name": the Chinese header,
/// a star when required, and the English key. A file may use that cell, the Chinese header alone or
/// the key alone, so a corps can paste its own list under either. Immutable and thread-safe.
/// </summary>
public static class RecordColumns
{
    public const string Longitude = "longitude";
    public const string Latitude = "latitude";

    private static readonly RecordColumn Lon = new(Longitude, "经度", true, "longitude in the file's coordinate system (GeoJSON: the point's geometry)", "decimal degrees, e.g. 121.4737");
    private static readonly RecordColumn Lat = new(Latitude, "纬度", true, "latitude in the file's coordinate system (GeoJSON: the point's geometry)", "decimal degrees, e.g. 31.2304");
    private static readonly RecordColumn Address = new("address", "地址", false, "street address, searchable in the gazetteer", "text");
    private static readonly RecordColumn Phone = new("phone", "电话", false, "telephone", "text");

    public static IReadOnlyList<RecordColumn> Stations { get; } =
    [
        new("code", "编号", true, "the station's code, unique in the file; units name their station by it", "text, e.g. SH-001"),
        new("name", "名称", true, "the station's name, as dispatchers say it", "text"),
        new("kind", "类别", true, "station kind; decides the generated fleet when no unit is listed",
            RecordVocabulary.Allowed(RecordVocabulary.StationKinds)),
        Lon, Lat, Address, Phone,
    ];

    public static IReadOnlyList<RecordColumn> Units { get; } =
    [
        new("station", "所属站编号", true, "code of the station in the stations file (or, without one, the station's name)", "text"),
        new("call_sign", "呼号", true, "radio call sign, unique in the file", "text, e.g. 徐汇站 水罐1"),
        new("type", "车辆类型", true, "apparatus type", RecordVocabulary.Allowed(RecordVocabulary.ApparatusTypes)),
        new("water_liters", "载水量(升)", false, "water carried; blank: the type's usual load", "whole number 0–100000"),
        new("foam_liters", "载泡沫量(升)", false, "foam carried; blank: the type's usual load", "whole number 0–100000"),
        new("reach_meters", "举高(米)", false, "working height of an aerial; blank: the type's usual reach", "number 0–150"),
        new("seats", "座位数", false, "crew seats; blank: the type's usual crew", "whole number 1–20"),
    ];

    public static IReadOnlyList<RecordColumn> WaterSources { get; } =
    [
        new("code", "编号", true, "the water source's code, unique in the file", "text, e.g. XH-0001"),
        new("kind", "类型", true, "kind of water source", RecordVocabulary.Allowed(RecordVocabulary.WaterSourceKinds)),
        Lon, Lat, Address,
        new("capacity_m3", "容量(立方米)", false, "stored volume of a pool or intake", "number > 0"),
    ];

    public static IReadOnlyList<RecordColumn> KeyPlaces { get; } =
    [
        new("code", "编号", false, "the place's code in the corps' register, unique in the file; a rebuilt package knows the place by it "
            + "(without one, by its name)", "text, e.g. ZD-0001"),
        new("name", "名称", true, "the key place's (消防安全重点单位) name", "text"),
        new("categories", "类别", true, "one or more categories, separated by 、 or , or ;",
            RecordVocabulary.Allowed(RecordVocabulary.KeyPlaceCategories)),
        Lon, Lat, Address,
        new("floors", "层数", false, "floors above ground", "whole number 1–300"),
        new("height_meters", "高度(米)", false, "building height", "number 0–1000"),
        new("floor_area_m2", "建筑面积(平方米)", false, "total floor area", "number > 0"),
        new("occupants", "人员数", false, "people usually inside", "whole number ≥ 0"),
        new("responsible_person", "消防安全责任人", false, "the person responsible for fire safety", "text"),
        Phone,
    ];

    public static IReadOnlyList<RecordColumn> Of(RecordTable table) => table switch
    {
        RecordTable.Stations => Stations,
        RecordTable.Units => Units,
        RecordTable.WaterSources => WaterSources,
        _ => KeyPlaces,
    };

    /// <summary>True for tables whose rows are points on the map (every one but units).</summary>
    public static bool HasLocation(RecordTable table) => table != RecordTable.Units;

    /// <summary>The template's header cell, "名称* name".</summary>
    public static string Header(RecordColumn column) => $"{column.Chinese}{(column.Required ? "*" : "")} {column.Key}";

    /// <summary>The column a header cell names: "名称* name", "名称" or "name"; null when none.</summary>
    public static RecordColumn? Match(RecordTable table, string header)
    {
        var tokens = header.Replace("*", " ", StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0) return null;
        return Of(table).FirstOrDefault(c => tokens.All(t => string.Equals(t, c.Key, StringComparison.OrdinalIgnoreCase)
                                                                 || string.Equals(t, c.Chinese, StringComparison.Ordinal)));
    }

    /// <summary>The command-line name of a table: stations, units, water-sources, key-places.</summary>
    public static string CliName(RecordTable table) => table switch
    {
        RecordTable.Stations => "stations",
        RecordTable.Units => "units",
        RecordTable.WaterSources => "water-sources",
        _ => "key-places",
    };

    public static RecordTable? FromCliName(string name) =>
        Enum.GetValues<RecordTable>().Cast<RecordTable?>().FirstOrDefault(t => CliName(t!.Value) == name);
}
