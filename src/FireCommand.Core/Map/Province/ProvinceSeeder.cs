using FireCommand.Core.Data;
using FireCommand.Core.Resources;
using FireCommand.Core.Shared;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Map.Province;

/// <summary>
/// Writes a province package's records into an empty database in one transaction, keeping the
/// package's ids (on PostgreSQL the identity sequences are then moved past them). Generated units
/// start available at their home station. The seeding is audited as one entry. With
/// <c>historyDays</c> (demo mode, so a corps can train on its own map) a stretch of closed incidents is
/// drawn on the package's own roads, stations and settlements, as the demo province gets.
/// </summary>
public static class ProvinceSeeder
{
    public sealed record Summary(string ProvinceName, int Jurisdictions, int Stations, int Units, int WaterSources,
        int Settlements, int RoadSegments, int HistoryIncidents = 0);

    public static async Task<Summary> SeedAsync(FireCommandDbContext db, ProvincePackage package, DateTimeOffset now, CancellationToken ct,
        int historyDays = 0, int seed = 1, CorpsCalendar? calendar = null)
    {
        var r = package.Records;
        var jurisdictions = r.Jurisdictions.Select(j => new Jurisdiction
        {
            Id = j.Id, Name = j.Name, Code = j.Code, Level = j.Level, ParentId = j.ParentId, Boundary = Area(j.Boundary),
        }).ToList();
        var stations = r.Stations.Select(s => new Station
        {
            Id = s.Id, Name = s.Name, Kind = s.Kind, Location = Geography.Point(s.Latitude, s.Longitude), Address = s.Address,
            Phone = s.Phone, JurisdictionId = s.JurisdictionId,
        }).ToList();
        ResponseAreas.ResponseAreaBuilder.Apply(r.ResponseAreas, stations);
        var units = r.Stations.SelectMany(s => s.Units.Select(u =>
        {
            var unit = new Unit
            {
                Id = u.Id, CallSign = u.CallSign, Type = u.Type, Capabilities = u.Capabilities, WaterCapacityLiters = u.WaterCapacityLiters,
                FoamCapacityLiters = u.FoamCapacityLiters, ReachHeightMeters = u.ReachHeightMeters, Seats = u.Seats,
                HomeStationId = s.Id, JurisdictionId = s.JurisdictionId, Position = Geography.Point(s.Latitude, s.Longitude),
            };
            unit.InitialiseStatus(UnitStatus.Available, now);
            return unit;
        })).ToList();
        var water = r.WaterSources.Select(w => new WaterSource
        {
            Id = w.Id, Code = w.Code, Kind = w.Kind, Location = Geography.Point(w.Latitude, w.Longitude), Address = w.Address,
            CapacityCubicMeters = w.CapacityCubicMeters, JurisdictionId = w.JurisdictionId,
        }).ToList();
        var settlements = r.Settlements.Select(s => new Settlement
        {
            Id = s.Id, Name = s.Name, Kind = s.Kind, Location = Geography.Point(s.Latitude, s.Longitude), Population = s.Population,
            JurisdictionId = s.JurisdictionId,
        }).ToList();
        var keyPlaces = (r.KeyPlaces ?? []).Select(k => new KeyPlace
        {
            Id = k.Id, Name = k.Name, Categories = k.Categories, Location = Geography.Point(k.Latitude, k.Longitude), Address = k.Address,
            Floors = k.Floors, HeightMeters = k.HeightMeters, FloorAreaSquareMeters = k.FloorAreaSquareMeters, Occupants = k.Occupants,
            ResponsiblePerson = k.ResponsiblePerson, Phone = k.Phone, JurisdictionId = k.JurisdictionId,
        }).ToList();
        var roads = r.Roads.Select(x =>
        {
            var road = Road(x);
            road.Id = x.Id;
            return road;
        }).ToList();

        // Drawn before anything is written, on the graph routing will use, with the records' own ids.
        var history = historyDays > 0
            ? Demo.DemoHistory.Generate(new Demo.DemoHistory.Setting(Geo.Storage.RoadNetworkFile.Load(package.GraphPath), jurisdictions,
                stations, units, settlements, roads), now, historyDays, seed, calendar)
            : null;

        var auditing = db.AuditEnabled;
        db.AuditEnabled = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            foreach (var level in jurisdictions.GroupBy(j => j.Level).OrderBy(g => g.Key))
                await InsertAsync(db, level, ct);
            await InsertAsync(db, settlements, ct);
            await InsertAsync(db, stations, ct);
            await InsertAsync(db, units, ct);
            await InsertAsync(db, water, ct);
            await InsertAsync(db, keyPlaces, ct);
            await InsertAsync(db, roads, ct);
            if (history is not null)
            {
                await InsertAsync(db, history.Incidents, ct);
                await InsertAsync(db, history.Alarms, ct);
                await InsertAsync(db, history.Assignments, ct);
            }
            await InsertAsync(db, ProvinceReimport.Keys(r, id => id, id => id,
                r.Stations.SelectMany(s => s.Units.Select(u => (ProvinceReimport.UnitKey(s, u), u.Id))).ToDictionary(),
                r.WaterSources.ToDictionary(w => w.Source, w => w.Id), (r.KeyPlaces ?? []).ToDictionary(k => k.Source, k => k.Id),
                r.Settlements.Select(s => (s.Source, s.Id))), ct);
            if (db.Database.IsNpgsql()) await DemoSeeder.ResetSequencesAsync(db, ct);
            db.AuditEnabled = true;
            db.AuditEntries.Add(new Audit.AuditEntry
            {
                At = now, UserId = "system", UserName = "system", Action = "Seeded", Entity = ProvinceReimport.AuditEntity,
                EntityId = package.Manifest.Name,
                Changes = System.Text.Json.JsonSerializer.Serialize(new
                {
                    province = package.Manifest.Name, records = ProvinceReimport.RecordsSha256(package),
                    sources = package.Manifest.Sources.Select(s => s.Sha256),
                    stations = stations.Count, units = units.Count, keyPlaces = keyPlaces.Count,
                    historyIncidents = history?.Incidents.Count ?? 0,
                }),
            });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.AuditEnabled = auditing;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        return new Summary(package.Manifest.Name, jurisdictions.Count, stations.Count, units.Count, water.Count, settlements.Count, roads.Count,
            history?.Incidents.Count ?? 0);
    }

    internal static RoadSegment Road(RoadRecord x) => new()
    {
        Name = x.Name, Class = x.Class, FromJunction = x.FromJunction, ToJunction = x.ToJunction, OneWay = x.OneWay,
        Geometry = Geography.Factory.CreateLineString(x.Shape.Select(c => new Coordinate(c[0], c[1])).ToArray()),
        LengthMeters = x.LengthMeters,
    };

    internal static MultiPolygon Area(IReadOnlyList<double[][]> rings) => Geography.Factory.CreateMultiPolygon(
        rings.Select(r => Geography.Factory.CreatePolygon(r.Select(c => new Coordinate(c[0], c[1])).ToArray())).ToArray());

    private static async Task InsertAsync<T>(FireCommandDbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        foreach (var chunk in rows.Chunk(2000))
        {
            db.Set<T>().AddRange(chunk);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
