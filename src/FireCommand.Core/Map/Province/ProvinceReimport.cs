using System.Security.Cryptography;
using System.Text.Json;
using FireCommand.Core.Data;
using FireCommand.Core.Resources;
using FireCommand.Core.Shared;
using FireCommand.Geo;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Map.Province;

/// <summary>
/// Applies a newer package to a database seeded from an earlier one, keeping incidents, users, audit and
/// history. Records are matched by their stable key (<see cref="ProvinceRecordKey"/>): matched rows are
/// updated in place, new ones added, and missing ones retired, never deleted: a station is marked retired and
/// its units are decommissioned (a unit out on an incident keeps its status and is counted), a water source goes
/// out of service, a key place is marked retired (incidents and inspections refer to it). Jurisdictions missing from the package stay, since users and records belong to them. Road pieces
/// and settlements are plain geography and are replaced. One transaction, one audit entry with the counts.
/// A package already applied (same records.json) changes nothing.
/// </summary>
public static class ProvinceReimport
{
    public const string AuditEntity = "ProvincePackage";

    /// <summary>What changed, per kind: added, updated, retired (and units left in service because they are out on an incident).</summary>
    public sealed record Counts(int Added, int Updated, int Retired);

    public sealed record Summary(string ProvinceName, Counts Jurisdictions, Counts Stations, Counts Units, Counts WaterSources,
        Counts KeyPlaces, int UnitsBusy, int Settlements, int RoadSegments);

    /// <summary>The SHA-256 of the package's records.json: what a database remembers a package by.</summary>
    public static string RecordsSha256(ProvincePackage package)
    {
        using var stream = File.OpenRead(Path.Combine(package.Directory, ProvincePackageFiles.Records));
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Null when the database already holds this package.</summary>
    /// <exception cref="InvalidDataException">The database holds a province that was not seeded from a package.</exception>
    public static async Task<Summary?> RunAsync(FireCommandDbContext db, ProvincePackage package, DateTimeOffset now, CancellationToken ct)
    {
        var last = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking().Where(a => a.Entity == AuditEntity)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct)
            ?? throw new InvalidDataException("the database holds a province that was not seeded from a province package (the demo " +
                                              "province?); start a package on an empty database, or keep the demo on its own database.");
        var sha = RecordsSha256(package);
        if (RecordsOf(last.Changes) == sha) return null;

        var oldKeys = await db.ProvinceRecordKeys.AsNoTracking().ToListAsync(ct);
        var keys = oldKeys.ToDictionary(k => (k.Kind, k.Key), k => k.EntityId);
        var r = package.Records;
        var auditing = db.AuditEnabled;
        db.AuditEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var (jurisdictions, jurisdictionIds) = await JurisdictionsAsync(db, r, keys, ct);
            long J(long packageId) => jurisdictionIds[packageId];
            var (stations, units, busy, stationIds) = await StationsAsync(db, r, keys, J, now, ct);
            var water = await WaterAsync(db, r, keys, J, ct);
            var places = await KeyPlacesAsync(db, r, keys, J, ct);

            db.Settlements.RemoveRange(await db.Settlements.IgnoreQueryFilters().ToListAsync(ct));
            db.RoadSegments.RemoveRange(await db.RoadSegments.ToListAsync(ct));
            db.ProvinceRecordKeys.RemoveRange(await db.ProvinceRecordKeys.ToListAsync(ct));
            await db.SaveChangesAsync(ct);
            var settlements = r.Settlements.Select(s => new Settlement
            {
                Name = s.Name, Kind = s.Kind, Location = Geography.Point(s.Latitude, s.Longitude), Population = s.Population,
                JurisdictionId = J(s.JurisdictionId),
            }).ToList();
            db.Settlements.AddRange(settlements);
            db.RoadSegments.AddRange(r.Roads.Select(ProvinceSeeder.Road));
            await db.SaveChangesAsync(ct);
            var newKeys = Keys(r, id => jurisdictionIds[id], id => stationIds[id], units.Ids, water.Ids, places.Ids,
                r.Settlements.Select((s, i) => (s.Source, settlements[i].Id))).ToList();
            db.ProvinceRecordKeys.AddRange(newKeys);
            db.ProvinceRecordKeys.AddRange(Retained(oldKeys, newKeys));
            await db.SaveChangesAsync(ct);

            db.AuditEnabled = true;
            var summary = new Summary(package.Manifest.Name, jurisdictions, stations, units.Counts, water.Counts, places.Counts, busy,
                settlements.Count, r.Roads.Count);
            db.AuditEntries.Add(new Audit.AuditEntry
            {
                At = now, UserId = "system", UserName = "system", Action = "Reimported", Entity = AuditEntity, EntityId = package.Manifest.Name,
                Changes = JsonSerializer.Serialize(new
                {
                    province = package.Manifest.Name, records = sha, previous = RecordsOf(last.Changes),
                    sources = package.Manifest.Sources.Select(s => s.Sha256), jurisdictions, stations, units = units.Counts, unitsBusy = busy,
                    waterSources = water.Counts, keyPlaces = places.Counts, settlements = settlements.Count, roadSegments = r.Roads.Count,
                }, ProvinceBuilder.Json),
            });
            await db.SaveChangesAsync(ct);
            if (db.Database.IsNpgsql()) await DemoSeeder.ResetSequencesAsync(db, ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return summary;
        }
        finally
        {
            db.AuditEnabled = auditing;
        }
    }

    /// <summary>The key rows for a package's records, given where each record went.</summary>
    internal static IEnumerable<ProvinceRecordKey> Keys(ProvinceRecords r, Func<long, long> jurisdiction, Func<long, long> station,
        IReadOnlyDictionary<string, long> units, IReadOnlyDictionary<string, long> water, IReadOnlyDictionary<string, long> keyPlaces,
        IEnumerable<(string Key, long Id)> settlements)
    {
        var jurisdictionKeys = JurisdictionKeys(r);
        foreach (var j in r.Jurisdictions) yield return Key("jurisdiction", jurisdictionKeys[j.Id], jurisdiction(j.Id));
        foreach (var s in r.Stations) yield return Key("station", s.Source, station(s.Id));
        foreach (var (key, id) in units) yield return Key("unit", key, id);
        foreach (var (key, id) in water) yield return Key("waterSource", key, id);
        foreach (var (key, id) in keyPlaces) yield return Key("keyPlace", key, id);
        foreach (var (key, id) in settlements.DistinctBy(s => s.Key)) yield return Key("settlement", key, id);
    }

    /// <summary>A boundary's source key; a generated jurisdiction (named after the province, which a rebuild may rename) is
    /// known by its kind, level and place among its kind.</summary>
    internal static Dictionary<long, string> JurisdictionKeys(ProvinceRecords r) => r.Jurisdictions
        .GroupBy(j => (j.Source, j.Level))
        .SelectMany(g => g.OrderBy(j => j.Id).Select((j, n) =>
            (j.Id, Key: j.Source.StartsWith("generated", StringComparison.Ordinal) ? $"{j.Source}|{j.Level}|{n}" : j.Source)))
        .ToDictionary(x => x.Id, x => x.Key);

    internal static string UnitKey(StationRecord s, UnitRecord u) => $"{s.Source}|{u.CallSign}";

    /// <summary>The keys of retired rows, so that a later package listing the record again finds its row instead of adding a
    /// twin. Settlements are replaced, not retired, so theirs go.</summary>
    internal static IEnumerable<ProvinceRecordKey> Retained(IEnumerable<ProvinceRecordKey> old, IReadOnlyCollection<ProvinceRecordKey> current)
    {
        var keys = current.Select(k => (k.Kind, k.Key)).ToHashSet();
        var rows = current.Select(k => (k.Kind, k.EntityId)).ToHashSet();
        return old.Where(k => k.Kind != "settlement" && !keys.Contains((k.Kind, k.Key)) && !rows.Contains((k.Kind, k.EntityId)))
            .Select(k => Key(k.Kind, k.Key, k.EntityId));
    }

    private static ProvinceRecordKey Key(string kind, string key, long id) => new() { Kind = kind, Key = key, EntityId = id };

    private static string? RecordsOf(string changes)
    {
        try
        {
            using var doc = JsonDocument.Parse(changes);
            return doc.RootElement.TryGetProperty("records", out var v) ? v.GetString() : null;
        }
        catch (JsonException) { return null; }
    }

    private static async Task<(Counts, Dictionary<long, long>)> JurisdictionsAsync(FireCommandDbContext db, ProvinceRecords r,
        Dictionary<(string, string), long> keys, CancellationToken ct)
    {
        var rows = await db.Jurisdictions.IgnoreQueryFilters().ToDictionaryAsync(j => j.Id, ct);
        var ids = new Dictionary<long, long>();
        var packageKeys = JurisdictionKeys(r);
        int added = 0, updated = 0;
        foreach (var j in r.Jurisdictions.OrderBy(j => j.Level).ThenBy(j => j.Id))
        {
            var area = ProvinceSeeder.Area(j.Boundary);
            long? parent = j.ParentId is { } p ? ids[p] : null;
            if (keys.TryGetValue(("jurisdiction", packageKeys[j.Id]), out var id) && rows.TryGetValue(id, out var row))
            {
                if (row.Name != j.Name || row.Code != j.Code || row.Level != j.Level || row.ParentId != parent || !Same(row.Boundary, area))
                {
                    (row.Name, row.Code, row.Level, row.ParentId, row.Boundary) = (j.Name, j.Code, j.Level, parent, area);
                    updated++;
                }
            }
            else
            {
                row = new Jurisdiction { Name = j.Name, Code = j.Code, Level = j.Level, ParentId = parent, Boundary = area };
                db.Jurisdictions.Add(row);
                added++;
            }
            await db.SaveChangesAsync(ct);
            ids[j.Id] = row.Id;
        }
        return (new Counts(added, updated, 0), ids);
    }

    private static async Task<(Counts, (Counts Counts, Dictionary<string, long> Ids), int, Dictionary<long, long>)> StationsAsync(
        FireCommandDbContext db, ProvinceRecords r, Dictionary<(string, string), long> keys, Func<long, long> jurisdiction,
        DateTimeOffset now, CancellationToken ct)
    {
        var stations = await db.Stations.IgnoreQueryFilters().ToDictionaryAsync(s => s.Id, ct);
        var units = await db.Units.IgnoreQueryFilters().ToDictionaryAsync(u => u.Id, ct);
        var areas = (r.ResponseAreas ?? []).ToDictionary(a => a.StationId);
        var stationIds = new Dictionary<long, long>();
        var unitIds = new Dictionary<string, long>();
        int sAdded = 0, sUpdated = 0, uAdded = 0, uUpdated = 0, uRetired = 0, busy = 0;
        foreach (var s in r.Stations)
        {
            var location = Geography.Point(s.Latitude, s.Longitude);
            var area = areas.GetValueOrDefault(s.Id);
            var district = area is null ? null : ResponseAreas.ResponseAreaBuilder.Area(area);
            var returning = false;
            if (keys.TryGetValue(("station", s.Source), out var id) && stations.TryGetValue(id, out var row))
            {
                returning = row.Retired;
                if (row.Name != s.Name || row.Kind != s.Kind || !row.Location.EqualsExact(location) || row.Address != s.Address
                    || row.Phone != s.Phone || row.JurisdictionId != jurisdiction(s.JurisdictionId) || !Same(row.District, district)
                    || row.Retired)
                    sUpdated++;
                (row.Name, row.Kind, row.Location, row.Address, row.Phone, row.JurisdictionId, row.Retired) =
                    (s.Name, s.Kind, location, s.Address, s.Phone, jurisdiction(s.JurisdictionId), false);
                (row.District, row.DistrictAreaSquareKilometers) = (district, area?.AreaSquareKilometers);
            }
            else
            {
                row = new Station
                {
                    Name = s.Name, Kind = s.Kind, Location = location, Address = s.Address, Phone = s.Phone,
                    JurisdictionId = jurisdiction(s.JurisdictionId), District = district, DistrictAreaSquareKilometers = area?.AreaSquareKilometers,
                };
                db.Stations.Add(row);
                sAdded++;
            }
            await db.SaveChangesAsync(ct);
            stationIds[s.Id] = row.Id;
            foreach (var u in s.Units)
            {
                var key = UnitKey(s, u);
                if (keys.TryGetValue(("unit", key), out var unitId) && units.TryGetValue(unitId, out var unit))
                {
                    // A station listed again brings back the units its retirement decommissioned (41 停用 → 40 维修 → 10 备勤).
                    var reinstated = returning && unit.Status == UnitStatus.Decommissioned;
                    if (reinstated)
                    {
                        unit.ChangeStatus(UnitStatus.UnderRepair, now);
                        unit.ChangeStatus(UnitStatus.Available, now);
                    }
                    if (unit.Type != u.Type || unit.Capabilities != u.Capabilities || unit.WaterCapacityLiters != u.WaterCapacityLiters
                        || unit.FoamCapacityLiters != u.FoamCapacityLiters || unit.ReachHeightMeters != u.ReachHeightMeters
                        || unit.Seats != u.Seats || unit.HomeStationId != row.Id || reinstated)
                        uUpdated++;
                    (unit.Type, unit.Capabilities, unit.WaterCapacityLiters, unit.FoamCapacityLiters, unit.ReachHeightMeters, unit.Seats) =
                        (u.Type, u.Capabilities, u.WaterCapacityLiters, u.FoamCapacityLiters, u.ReachHeightMeters, u.Seats);
                    (unit.HomeStationId, unit.JurisdictionId) = (row.Id, row.JurisdictionId);
                    units.Remove(unitId);
                }
                else
                {
                    unit = new Unit
                    {
                        CallSign = u.CallSign, Type = u.Type, Capabilities = u.Capabilities, WaterCapacityLiters = u.WaterCapacityLiters,
                        FoamCapacityLiters = u.FoamCapacityLiters, ReachHeightMeters = u.ReachHeightMeters, Seats = u.Seats,
                        HomeStationId = row.Id, JurisdictionId = row.JurisdictionId, Position = location,
                    };
                    unit.InitialiseStatus(UnitStatus.Available, now);
                    db.Units.Add(unit);
                    uAdded++;
                }
                await db.SaveChangesAsync(ct);
                unitIds[key] = unit.Id;
            }
        }
        // Units the package no longer has (with their stations, when a station is gone) are decommissioned, never
        // deleted: incidents and the audit refer to them. A unit out on an incident finishes it first.
        var packageUnitRows = unitIds.Values.ToHashSet();
        foreach (var unit in units.Values.Where(u => !packageUnitRows.Contains(u.Id) && u.Status != UnitStatus.Decommissioned))
        {
            if (UnitStatusCodes.CanChange(unit.Status, UnitStatus.Decommissioned))
            {
                unit.ChangeStatus(UnitStatus.Decommissioned, now);
                uRetired++;
            }
            else busy++;
        }
        var kept = stationIds.Values.ToHashSet();
        var sRetired = 0;
        foreach (var gone in stations.Values.Where(s => !kept.Contains(s.Id) && !s.Retired))
        {
            gone.Retired = true;
            sRetired++;
        }
        await db.SaveChangesAsync(ct);
        return (new Counts(sAdded, sUpdated, sRetired), (new Counts(uAdded, uUpdated, uRetired), unitIds), busy, stationIds);
    }

    private static async Task<(Counts Counts, Dictionary<string, long> Ids)> WaterAsync(FireCommandDbContext db, ProvinceRecords r,
        Dictionary<(string, string), long> keys, Func<long, long> jurisdiction, CancellationToken ct)
    {
        var rows = await db.WaterSources.IgnoreQueryFilters().ToDictionaryAsync(w => w.Id, ct);
        var ids = new Dictionary<string, long>();
        var added = new List<(string, WaterSource)>();
        int updated = 0, retired = 0;
        foreach (var w in r.WaterSources)
        {
            var location = Geography.Point(w.Latitude, w.Longitude);
            if (keys.TryGetValue(("waterSource", w.Source), out var id) && rows.Remove(id, out var row))
            {
                if (row.Code != w.Code || row.Kind != w.Kind || !row.Location.EqualsExact(location) || row.Address != w.Address
                    || row.CapacityCubicMeters != w.CapacityCubicMeters || row.JurisdictionId != jurisdiction(w.JurisdictionId) || !row.InService)
                    updated++;
                (row.Code, row.Kind, row.Location, row.Address, row.CapacityCubicMeters, row.JurisdictionId, row.InService) =
                    (w.Code, w.Kind, location, w.Address, w.CapacityCubicMeters, jurisdiction(w.JurisdictionId), true);
                ids[w.Source] = row.Id;
            }
            else
            {
                var source = new WaterSource
                {
                    Code = w.Code, Kind = w.Kind, Location = location, Address = w.Address, CapacityCubicMeters = w.CapacityCubicMeters,
                    JurisdictionId = jurisdiction(w.JurisdictionId),
                };
                db.WaterSources.Add(source);
                added.Add((w.Source, source));
            }
        }
        foreach (var gone in rows.Values.Where(w => w.InService))
        {
            gone.InService = false;
            retired++;
        }
        await db.SaveChangesAsync(ct);
        foreach (var (key, source) in added) ids[key] = source.Id;
        return (new Counts(added.Count, updated, retired), ids);
    }

    private static async Task<(Counts Counts, Dictionary<string, long> Ids)> KeyPlacesAsync(FireCommandDbContext db, ProvinceRecords r,
        Dictionary<(string, string), long> keys, Func<long, long> jurisdiction, CancellationToken ct)
    {
        var rows = await db.KeyPlaces.IgnoreQueryFilters().ToDictionaryAsync(k => k.Id, ct);
        var keyed = keys.Where(k => k.Key.Item1 == "keyPlace").Select(k => k.Value).ToHashSet();
        var ids = new Dictionary<string, long>();
        var added = new List<(string, KeyPlace)>();
        int updated = 0, retired = 0;
        foreach (var k in r.KeyPlaces ?? [])
        {
            var location = Geography.Point(k.Latitude, k.Longitude);
            // A place seeded before key places had keys is known by its name where it stands.
            var id = keys.TryGetValue(("keyPlace", k.Source), out var known) ? known
                : rows.Values.FirstOrDefault(x => !keyed.Contains(x.Id) && x.Name == k.Name
                    && new GeoPoint(x.Location.Y, x.Location.X).DistanceMetersTo(new GeoPoint(k.Latitude, k.Longitude)) < 100)?.Id ?? 0;
            if (rows.Remove(id, out var row))
            {
                if (row.Name != k.Name || row.Categories != k.Categories || !row.Location.EqualsExact(location) || row.Address != k.Address
                    || row.Floors != k.Floors || row.HeightMeters != k.HeightMeters || row.FloorAreaSquareMeters != k.FloorAreaSquareMeters
                    || row.Occupants != k.Occupants || row.ResponsiblePerson != k.ResponsiblePerson || row.Phone != k.Phone
                    || row.JurisdictionId != jurisdiction(k.JurisdictionId) || row.Retired)
                    updated++;
                // The place's own response plan is the corps' work on the platform, not the register's: it stays.
                (row.Name, row.Categories, row.Location, row.Address, row.Floors, row.HeightMeters, row.FloorAreaSquareMeters) =
                    (k.Name, k.Categories, location, k.Address, k.Floors, k.HeightMeters, k.FloorAreaSquareMeters);
                (row.Occupants, row.ResponsiblePerson, row.Phone, row.JurisdictionId, row.Retired) =
                    (k.Occupants, k.ResponsiblePerson, k.Phone, jurisdiction(k.JurisdictionId), false);
                ids[k.Source] = row.Id;
            }
            else
            {
                var place = new KeyPlace
                {
                    Name = k.Name, Categories = k.Categories, Location = location, Address = k.Address, Floors = k.Floors,
                    HeightMeters = k.HeightMeters, FloorAreaSquareMeters = k.FloorAreaSquareMeters, Occupants = k.Occupants,
                    ResponsiblePerson = k.ResponsiblePerson, Phone = k.Phone, JurisdictionId = jurisdiction(k.JurisdictionId),
                };
                db.KeyPlaces.Add(place);
                added.Add((k.Source, place));
            }
        }
        // Incidents and inspections refer to a key place, so one the register no longer lists is marked, never deleted.
        foreach (var gone in rows.Values.Where(k => !k.Retired))
        {
            gone.Retired = true;
            retired++;
        }
        await db.SaveChangesAsync(ct);
        foreach (var (key, place) in added) ids[key] = place.Id;
        return (new Counts(added.Count, updated, retired), ids);
    }

    private static bool Same(Geometry? a, Geometry? b) => a is null ? b is null : b is not null && a.EqualsExact(b);
}
