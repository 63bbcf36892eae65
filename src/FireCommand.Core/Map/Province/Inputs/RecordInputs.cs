using FireCommand.Geo.Coordinates;

namespace FireCommand.Core.Map.Province.Inputs;

/// <summary>A record file to import and the coordinate system its points are in
/// (<c>wgs84</c>, <c>gcj02</c>, <c>bd09</c> or <c>cgcs2000</c>; ignored for units, which have no point).</summary>
public sealed record RecordFileInput(RecordTable Table, string Path, string Crs = "wgs84")
{
    /// <summary>The datum the points are converted from. CGCS2000 differs from WGS-84 by centimetres, far
    /// below what a station's position needs, so it is read as WGS-84.</summary>
    public CoordinateSystem System => Crs switch
    {
        "gcj02" => CoordinateSystem.Gcj02,
        "bd09" => CoordinateSystem.Bd09,
        _ => CoordinateSystem.Wgs84,
    };

    /// <summary>The manifest's source kind: "stations:gcj02", "units".</summary>
    public string Kind => RecordColumns.HasLocation(Table) ? $"{RecordColumns.CliName(Table)}:{Crs}" : RecordColumns.CliName(Table);

    public static readonly IReadOnlyList<string> CrsNames = ["wgs84", "gcj02", "bd09", "cgcs2000"];

    /// <summary>"wgs84", "WGS-84", "gcj-02" … → the canonical name; null when unknown.</summary>
    public static string? NormaliseCrs(string text)
    {
        var t = text.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        return CrsNames.Contains(t) ? t : null;
    }
}

/// <summary>The record files of a build, and whether rejected rows may be left out.</summary>
public sealed record ProvinceRecordInputs(IReadOnlyList<RecordFileInput> Files, bool SkipBadRows = false)
{
    /// <summary>Checks that every file exists, before the long read of the extract.</summary>
    /// <exception cref="FileNotFoundException">A record file does not exist.</exception>
    public void EnsureFilesExist()
    {
        foreach (var f in Files)
            if (!File.Exists(f.Path)) throw new FileNotFoundException($"{RecordColumns.CliName(f.Table)} file '{f.Path}' not found.", f.Path);
    }
}

/// <summary>A row left out of a build: the file, its line (CSV line, sheet row, or GeoJSON feature number),
/// the column at fault and why.</summary>
public sealed record RejectedRow(string File, int Line, string Field, string Reason);

/// <summary>Record files had rows that do not validate (or a file could not be read as a table), and
/// rows may not be skipped; nothing was built.</summary>
public sealed class RecordRowsRejectedException(IReadOnlyList<RejectedRow> rows)
    : Exception($"{rows.Count} record file problems; nothing was built (see the report, or give --skip-bad-rows to keep the good rows).")
{
    public IReadOnlyList<RejectedRow> Rows { get; } = rows;
}
