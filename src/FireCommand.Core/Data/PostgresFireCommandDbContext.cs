using FireCommand.Core.Audit;
using FireCommand.Core.Map;
using FireCommand.Core.Resources;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Core.Data;

/// <summary>Production: PostgreSQL with PostGIS; geometries are native, SRID 4326.</summary>
public sealed class PostgresFireCommandDbContext(DbContextOptions<PostgresFireCommandDbContext> options,
    IJurisdictionScope scope, IAuditActor actor, TimeProvider clock)
    : FireCommandDbContext(options, scope, actor, clock)
{
    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.HasPostgresExtension("postgis");
        b.Entity<Jurisdiction>().Property(j => j.Boundary).HasColumnType("geometry(MultiPolygon,4326)");
        b.Entity<Station>().Property(s => s.Location).HasColumnType("geometry(Point,4326)");
        b.Entity<Station>().Property(s => s.District).HasColumnType("geometry(MultiPolygon,4326)");
        b.Entity<Unit>().Property(u => u.Position).HasColumnType("geometry(Point,4326)");
        b.Entity<WaterSource>().Property(w => w.Location).HasColumnType("geometry(Point,4326)");
        b.Entity<KeyPlace>().Property(k => k.Location).HasColumnType("geometry(Point,4326)");
        b.Entity<Incident>().Property(i => i.Location).HasColumnType("geometry(Point,4326)");
        b.Entity<Alarm>().Property(a => a.ReportedLocation).HasColumnType("geometry(Point,4326)");
        b.Entity<Settlement>().Property(s => s.Location).HasColumnType("geometry(Point,4326)");
        b.Entity<RoadSegment>().Property(r => r.Geometry).HasColumnType("geometry(LineString,4326)");
        b.Entity<WaterSource>().HasIndex(w => w.Location).HasMethod("gist");
        b.Entity<KeyPlace>().HasIndex(k => k.Location).HasMethod("gist");
        b.Entity<Station>().HasIndex(s => s.Location).HasMethod("gist");
    }
}
