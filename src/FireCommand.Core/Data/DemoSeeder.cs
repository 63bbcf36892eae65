using FireCommand.Core.Demo;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Core.Data;

/// <summary>
/// Writes a generated demo province into an empty database in one transaction. The generator's
/// explicit ids are kept (so a seed means the same records everywhere); on PostgreSQL the identity
/// sequences are then moved past them so later inserts do not collide.
/// </summary>
public static class DemoSeeder
{
    public sealed record Summary(string ProvinceName, int Jurisdictions, int Stations, int Units, int Personnel,
        int WaterSources, int KeyPlaces, int Settlements, int RoadSegments);

    public static async Task<Summary> SeedAsync(FireCommandDbContext db, int seed, DateTimeOffset now, CancellationToken ct,
        Shared.CorpsCalendar? calendar = null, int historyDays = 30)
    {
        var p = DemoProvinceGenerator.Generate(seed, now);
        DemoKeyPlacePlans.Assign(p.KeyPlaces);
        var auditing = db.AuditEnabled;
        db.AuditEnabled = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // Parents before children, one table at a time, to keep the change tracker small.
            foreach (var level in p.Jurisdictions.GroupBy(j => j.Level).OrderBy(g => g.Key))
                await InsertAsync(db, level, ct);
            await InsertAsync(db, p.Settlements, ct);
            await InsertAsync(db, p.Stations, ct);
            await InsertAsync(db, p.Units, ct);
            await InsertAsync(db, p.Personnel, ct);
            await InsertAsync(db, p.WaterSources, ct);
            await InsertAsync(db, p.KeyPlaces, ct);
            await InsertAsync(db, p.RoadSegments, ct);
            // A month of closed incidents so the overview has history from the first start.
            var history = DemoHistory.Generate(p, now, historyDays, seed, calendar);
            await InsertAsync(db, history.Incidents, ct);
            await InsertAsync(db, history.Alarms, ct);
            await InsertAsync(db, history.Assignments, ct);
            if (db.Database.IsNpgsql()) await ResetSequencesAsync(db, ct);
            db.AuditEnabled = true;
            db.AuditEntries.Add(new Audit.AuditEntry
            {
                At = now, UserId = "system", UserName = "system", Action = "Seeded", Entity = "DemoProvince",
                EntityId = seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Changes = $"{{\"province\":\"{p.ProvinceName}\",\"stations\":{p.Stations.Count},\"units\":{p.Units.Count}}}",
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
        return new Summary(p.ProvinceName, p.Jurisdictions.Count, p.Stations.Count, p.Units.Count, p.Personnel.Count,
            p.WaterSources.Count, p.KeyPlaces.Count, p.Settlements.Count, p.RoadSegments.Count);
    }

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

    internal static async Task ResetSequencesAsync(FireCommandDbContext db, CancellationToken ct)
    {
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            var keys = entity.FindPrimaryKey()?.Properties;
            if (table is null || keys is not { Count: 1 } || keys[0].ClrType != typeof(long)) continue;
            var key = keys[0];
            var column = key.GetColumnName();
            // Identifiers come from our own model, never from input.
#pragma warning disable EF1002, EF1003
            await db.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), " +
                $"GREATEST((SELECT COALESCE(MAX(\"{column}\"), 0) FROM \"{table}\"), 1))", ct);
#pragma warning restore EF1002, EF1003
        }
    }
}
