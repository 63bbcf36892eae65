using FireCommand.Core.Audit;
using FireCommand.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Data;

/// <summary>
/// The embedded default. SQLite has no spatial types without SpatiaLite, so geometries are stored as
/// WKB blobs and spatial work happens in memory; DateTimeOffset is stored as a sortable integer
/// because SQLite cannot order by its text form.
/// </summary>
public sealed class SqliteFireCommandDbContext(DbContextOptions<SqliteFireCommandDbContext> options,
    IJurisdictionScope scope, IAuditActor actor, TimeProvider clock)
    : FireCommandDbContext(options, scope, actor, clock)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder c)
    {
        c.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        c.Properties<Point>().HaveConversion<WkbConverter<Point>, GeometryComparer<Point>>();
        c.Properties<Polygon>().HaveConversion<WkbConverter<Polygon>, GeometryComparer<Polygon>>();
        c.Properties<MultiPolygon>().HaveConversion<WkbConverter<MultiPolygon>, GeometryComparer<MultiPolygon>>();
        c.Properties<LineString>().HaveConversion<WkbConverter<LineString>, GeometryComparer<LineString>>();
    }
}
