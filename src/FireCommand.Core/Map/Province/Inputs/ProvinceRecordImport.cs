using System.Globalization;
using FireCommand.Core.Demo;
using FireCommand.Core.Resources;
using FireCommand.Geo;
using FireCommand.Geo.Coordinates;

namespace FireCommand.Core.Map.Province.Inputs;

/// <summary>
/// Puts a corps' record files into a package's records. The corps' register is the authority for what it
/// lists: a stations file replaces the extract's stations and a water-sources file the extract's water
/// sources; key places only come from a file. Units name their station by its code in the stations file
/// (without one, by an extract station's name); a station without a listed unit gets the generated fleet
/// of its kind. Every row is validated; with any fault nothing is imported unless rows may be skipped, and
/// a file that cannot be read as a table (bad header) stops the build either way. Pure apart from reading
/// the files.
/// </summary>
internal static class ProvinceRecordImport
{
    private sealed record StationRow(string Code, string Name, StationKind Kind, GeoPoint At, string? Address, string? Phone, string Source);

    private sealed record UnitRow(string Station, string CallSign, ApparatusType Type, int? Water, int? Foam, double? Reach, int? Seats);

    public static ProvinceRecords Apply(ProvinceRecords extract, ProvinceRecordInputs inputs, PackageBounds box, Func<GeoPoint, long> locate,
        List<string> notes, List<RejectedRow> rejected)
    {
        var errors = new List<RejectedRow>();
        var fileErrors = new List<RejectedRow>();
        RawTable? Table(RecordTable t, out RecordFileInput? input)
        {
            input = inputs.Files.FirstOrDefault(f => f.Table == t);
            if (input is null) return null;
            var table = RecordFileReader.Read(input.Path, t);
            fileErrors.AddRange(table.FileErrors);
            return table;
        }

        var stationTable = Table(RecordTable.Stations, out var stationInput);
        var unitTable = Table(RecordTable.Units, out _);
        var waterTable = Table(RecordTable.WaterSources, out var waterInput);
        var keyPlaceTable = Table(RecordTable.KeyPlaces, out var keyPlaceInput);
        if (fileErrors.Count > 0) throw new RecordRowsRejectedException(fileErrors);

        var stationRows = stationTable is null ? null : Stations(stationTable, stationInput!.System, box, errors);
        var unitRows = unitTable is null ? null : Units(unitTable, errors);
        var water = waterTable is null ? null : WaterSources(waterTable, waterInput!.System, box, locate, errors);
        var keyPlaces = keyPlaceTable is null ? [] : KeyPlaces(keyPlaceTable, keyPlaceInput!.System, box, locate, errors);

        // A unit must name a station that is in the package: the file's codes, else the extract's names.
        var stationKeys = stationRows?.Select(s => s.Code).ToHashSet(StringComparer.Ordinal)
                          ?? extract.Stations.GroupBy(s => s.Name).Where(g => g.Count() == 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var knownButRejected = stationTable?.Rows.Select(r => r.Values.GetValueOrDefault("code")).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        if (unitRows is not null)
            foreach (var (line, unit) in unitRows.ToList())
            {
                if (stationKeys.Contains(unit.Station)) continue;
                errors.Add(new RejectedRow(unitTable!.File, line, "station", knownButRejected.Contains(unit.Station)
                    ? $"station '{unit.Station}' was rejected"
                    : stationRows is null ? $"no station of the extract is named '{unit.Station}' (or the name is not unique)" : $"no station has code '{unit.Station}'"));
                unitRows.Remove((line, unit));
            }

        // In the order of the files on the command line, then by line.
        var ordered = errors.OrderBy(e => inputs.Files.ToList().FindIndex(f => Path.GetFileName(f.Path) == e.File)).ThenBy(e => e.Line).ToList();
        if (ordered.Count > 0 && !inputs.SkipBadRows) throw new RecordRowsRejectedException(ordered);
        rejected.AddRange(ordered);

        var stations = extract.Stations;
        if (stationRows is not null)
        {
            notes.Add($"stations come from {stationTable!.File} ({stationRows.Count}); the extract's {extract.Stations.Count} are replaced");
            stations = stationRows.Select((s, i) => new StationRecord(i + 1, s.Name, s.Kind, s.At.Latitude, s.At.Longitude, s.Address, s.Phone,
                locate(s.At), s.Source, [])).ToList();
        }
        if (stationRows is not null || unitRows is not null)
            stations = WithUnits(stations, stationRows, unitRows?.Select(u => u.Unit).ToList() ?? [], unitTable?.File, notes);

        var names = extract.Names.Where(n => !(stationRows is not null && n.Kind == "station" || water is not null && n.Kind == "water"))
            .Concat(stations.Where(s => !s.Source.StartsWith("osm:", StringComparison.Ordinal)).SelectMany(s => Names(s.Name, "station", s.Address, s.Latitude, s.Longitude, s.Source)))
            .Concat(keyPlaces.SelectMany(k => Names(k.Name, "keyplace", k.Address, k.Latitude, k.Longitude, k.Source)))
            .ToList();
        if (water is not null)
            notes.Add($"water sources come from {waterTable!.File} ({water.Count}); the extract's {extract.WaterSources.Count} are replaced");
        if (rejected.Count > 0) notes.Add($"{rejected.Count} record file problems: the rows at fault were left out (--skip-bad-rows)");
        return extract with { Stations = stations, WaterSources = water ?? extract.WaterSources, Names = names, KeyPlaces = keyPlaces };
    }

    private static List<StationRow> Stations(RawTable table, CoordinateSystem system, PackageBounds box, List<RejectedRow> errors)
    {
        var rows = new List<StationRow>();
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var raw in table.Rows)
        {
            var p = new RecordRowParser(table.File, raw, errors);
            var code = Code(p, codes, 50);
            var name = p.Text("name", required: true);
            var kind = p.Choice("kind", RecordVocabulary.StationKinds);
            var at = p.Location(system, box);
            var address = p.Text("address");
            var phone = p.Text("phone", maxLength: 50);
            if (p.IsValid) rows.Add(new StationRow(code!, name!, kind!.Value, at!.Value, address, phone, $"{table.File}#{code}"));
        }
        return rows;
    }

    private static List<(int Line, UnitRow Unit)> Units(RawTable table, List<RejectedRow> errors)
    {
        var rows = new List<(int, UnitRow)>();
        var callSigns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var raw in table.Rows)
        {
            var p = new RecordRowParser(table.File, raw, errors);
            var station = p.Text("station", required: true);
            var callSign = p.Text("call_sign", required: true, maxLength: 100);
            if (callSign is not null && !callSigns.TryAdd(callSign, raw.Line))
                p.Reject("call_sign", $"call sign '{callSign}' is already on line {callSigns[callSign]}");
            var type = p.Choice("type", RecordVocabulary.ApparatusTypes);
            var water = p.Whole("water_liters", 0, 100_000);
            var foam = p.Whole("foam_liters", 0, 100_000);
            var reach = p.Number("reach_meters", 0, 150);
            var seats = p.Whole("seats", 1, 20);
            if (p.IsValid) rows.Add((raw.Line, new UnitRow(station!, callSign!, type!.Value, water, foam, reach, seats)));
        }
        return rows;
    }

    private static List<WaterSourceRecord> WaterSources(RawTable table, CoordinateSystem system, PackageBounds box, Func<GeoPoint, long> locate,
        List<RejectedRow> errors)
    {
        var rows = new List<WaterSourceRecord>();
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var raw in table.Rows)
        {
            var p = new RecordRowParser(table.File, raw, errors);
            var code = Code(p, codes, 50);
            var kind = p.Choice("kind", RecordVocabulary.WaterSourceKinds);
            var at = p.Location(system, box);
            var address = p.Text("address");
            var capacity = p.Number("capacity_m3", 0.001, 10_000_000);
            if (p.IsValid)
                rows.Add(new WaterSourceRecord(rows.Count + 1, code!, kind!.Value, at!.Value.Latitude, at.Value.Longitude, address, capacity,
                    locate(at.Value), $"{table.File}#{code}"));
        }
        return rows;
    }

    private static List<KeyPlaceRecord> KeyPlaces(RawTable table, CoordinateSystem system, PackageBounds box, Func<GeoPoint, long> locate,
        List<RejectedRow> errors)
    {
        var rows = new List<(KeyPlaceRecord Place, string? Code, int Line)>();
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var raw in table.Rows)
        {
            var p = new RecordRowParser(table.File, raw, errors);
            var code = p.Text("code", maxLength: 50);
            if (code is not null && !codes.TryAdd(code, p.Line)) p.Reject("code", $"code '{code}' is already on line {codes[code]}");
            var name = p.Text("name", required: true);
            var categories = Categories(p);
            var at = p.Location(system, box);
            var address = p.Text("address");
            var floors = p.Whole("floors", 1, 300);
            var height = p.Number("height_meters", 0, 1000);
            var area = p.Number("floor_area_m2", 0.01, 100_000_000);
            var occupants = p.Whole("occupants", 0, 10_000_000);
            var responsible = p.Text("responsible_person", maxLength: 100);
            var phone = p.Text("phone", maxLength: 50);
            if (name is not null && at is { } point && rows.FirstOrDefault(k => k.Place.Name == name
                    && new GeoPoint(k.Place.Latitude, k.Place.Longitude).DistanceMetersTo(point) < 10) is { Place: not null } twin)
                p.Reject("name", $"'{name}' is already listed at the same place ({table.File}#{twin.Line})");
            if (p.IsValid)
                rows.Add((new KeyPlaceRecord(rows.Count + 1, name!, categories!.Value, at!.Value.Latitude, at.Value.Longitude, address, floors,
                    height, area, occupants, responsible, phone, locate(at.Value), ""), code, raw.Line));
        }
        var uncoded = rows.Where(r => r.Code is null).CountBy(r => r.Place.Name).ToDictionary();
        return rows.Select(r => r.Place with { Source = KeyPlaceKey(table.File, r.Place, r.Code, uncoded.GetValueOrDefault(r.Place.Name)) })
            .ToList();
    }

    /// <summary>
    /// What a rebuilt package knows a key place by, so that a re-import updates it instead of adding a twin: its code in
    /// the register; without one, its name, and where two places without a code share a name (a chain's branches), the
    /// name and its position to about 100 m. Never the line, which moves whenever a row is added above it.
    /// </summary>
    internal static string KeyPlaceKey(string file, KeyPlaceRecord place, string? code, int sameName) =>
        code is not null ? $"{file}#{code}"
        : sameName > 1 ? string.Create(CultureInfo.InvariantCulture, $"{file}#name:{place.Name}@{place.Latitude:F3},{place.Longitude:F3}")
        : $"{file}#name:{place.Name}";

    private static KeyPlaceCategory? Categories(RecordRowParser p)
    {
        if (p.Text("categories", required: true) is not { } text) return null;
        var all = KeyPlaceCategory.None;
        foreach (var part in text.Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (RecordVocabulary.Find(RecordVocabulary.KeyPlaceCategories, part) is { } c) all |= c;
            else
            {
                p.Reject("categories", $"'{part}' is not one of {RecordVocabulary.Allowed(RecordVocabulary.KeyPlaceCategories)}");
                return null;
            }
        }
        if (all == KeyPlaceCategory.None) p.Reject("categories", "required, but empty");
        return all == KeyPlaceCategory.None ? null : all;
    }

    private static string? Code(RecordRowParser p, Dictionary<string, int> seen, int maxLength)
    {
        var code = p.Text("code", required: true, maxLength: maxLength);
        if (code is not null && !seen.TryAdd(code, p.Line)) p.Reject("code", $"code '{code}' is already on line {seen[code]}");
        return code;
    }

    private static List<StationRecord> WithUnits(IReadOnlyList<StationRecord> stations, List<StationRow>? fileStations, List<UnitRow> units,
        string? file, List<string> notes)
    {
        var byStation = units.ToLookup(u => u.Station, StringComparer.Ordinal);
        long unitId = 0;
        var generated = 0;
        var result = new List<StationRecord>();
        for (var i = 0; i < stations.Count; i++)
        {
            var s = stations[i];
            var key = fileStations is null ? s.Name : fileStations[i].Code;
            var listed = byStation[key].ToList();
            if (listed.Count == 0)
            {
                generated++;
                result.Add(s with { Units = ProvinceRecordsBuilder.Fleet(s.Id, s.Name, s.Kind, ref unitId) });
                continue;
            }
            // A listed unit takes its type's capabilities and, for blank figures, the type's usual load.
            var rng = Prng.ForStage((int)s.Id, 71);
            result.Add(s with
            {
                Units = listed.Select(u =>
                {
                    var spec = ApparatusCatalog.Spec(u.Type, s.Kind, rng);
                    return new UnitRecord(++unitId, u.CallSign, u.Type, spec.Capabilities, u.Water ?? spec.WaterLiters, u.Foam ?? spec.FoamLiters,
                        u.Reach ?? spec.ReachMeters, u.Seats ?? spec.Seats, Generated: false);
                }).ToList(),
            });
        }
        if (file is null) notes.Add("no unit file: every station's fleet is generated from its kind");
        else if (generated > 0) notes.Add($"{generated} stations have no unit in {file}: their fleet is generated from their kind");
        return result;
    }

    private static IEnumerable<NameRecord> Names(string name, string kind, string? address, double lat, double lon, string source)
    {
        yield return new NameRecord(name, kind, lat, lon, source);
        if (address is not null) yield return new NameRecord(address, "address", lat, lon, source);
    }
}
