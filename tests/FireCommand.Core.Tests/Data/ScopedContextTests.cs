using FireCommand.Core.Audit;
using FireCommand.Core.Data;
using FireCommand.Core.Resources;
using FireCommand.Core.Security;
using FireCommand.Core.Shared;
using FireCommand.Core.Tests.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Core.Tests.Data;

/// <summary>The data layer itself filters reads and refuses writes outside the caller's jurisdiction.</summary>
public sealed class ScopedContextTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly JurisdictionDirectory _tree = JurisdictionDirectoryTests.Tree();

    private sealed class Actor(string name) : IAuditActor
    {
        public string UserId => name;
        public string UserName => name;
    }

    public ScopedContextTests()
    {
        _connection.Open();
        using var db = Context(FixedJurisdictionScope.System);
        db.Database.Migrate();
        db.AuditEnabled = false;
        foreach (var (id, parent, level) in new (long, long?, JurisdictionLevel)[]
                 {
                     (1, null, JurisdictionLevel.Corps), (2, 1, JurisdictionLevel.Detachment), (3, 1, JurisdictionLevel.Detachment),
                     (4, 2, JurisdictionLevel.Brigade), (5, 2, JurisdictionLevel.Brigade), (6, 3, JurisdictionLevel.Brigade),
                 })
            db.Jurisdictions.Add(new Jurisdiction { Id = id, ParentId = parent, Level = level, Name = $"J{id}", Code = $"{id:000000}" });
        db.SaveChanges();
        db.Stations.AddRange(Station(4, "甲站"), Station(5, "乙站"), Station(6, "丙站"));
        db.SaveChanges();
    }

    private SqliteFireCommandDbContext Context(IJurisdictionScope scope, string user = "tester") =>
        new(new DbContextOptionsBuilder<SqliteFireCommandDbContext>().UseSqlite(_connection).Options,
            scope, new Actor(user), TimeProvider.System);

    private static Station Station(long jurisdiction, string name) =>
        new() { Name = name, Kind = StationKind.Class1, JurisdictionId = jurisdiction, Location = Geography.Point(28, 115) };

    [Fact]
    public void Query_IsFilteredToTheScope()
    {
        using var db = Context(_tree.ScopeFor(2));
        Assert.Equal(["甲站", "乙站"], db.Stations.OrderBy(s => s.JurisdictionId).Select(s => s.Name).ToList());
        Assert.Equal([2L, 4, 5], db.Jurisdictions.Select(j => j.Id).OrderBy(i => i).ToList());
    }

    [Fact]
    public void Save_OutsideTheScope_IsRefusedAndWritesNothing()
    {
        using (var db = Context(_tree.ScopeFor(2)))
        {
            db.Stations.Add(Station(6, "越界站"));
            Assert.Throws<JurisdictionViolationException>(() => db.SaveChanges());
        }
        using var all = Context(FixedJurisdictionScope.System);
        Assert.False(all.Stations.Any(s => s.Name == "越界站"));
        Assert.Empty(all.AuditEntries);
    }

    [Fact]
    public void MovingARecordOutOfTheScope_IsRefused()
    {
        using var db = Context(_tree.ScopeFor(2));
        var s = db.Stations.Single(x => x.Name == "甲站");
        s.JurisdictionId = 6;
        Assert.Throws<JurisdictionViolationException>(() => db.SaveChanges());
    }

    [Fact]
    public void ChangeAllowedOutsideTheScope_PassesForThatRecordOnly_AndNeverAsAMoveOrDelete()
    {
        using (var db = Context(_tree.ScopeFor(2), "reporter"))
        {
            var foreign = db.Stations.IgnoreQueryFilters().Single(x => x.Name == "丙站");
            db.AllowChangeOutsideScope(foreign);
            foreign.Phone = "119";
            db.SaveChanges();
            Assert.Equal("reporter", db.AuditEntries.IgnoreQueryFilters().OrderBy(a => a.Id).Last().UserName);

            foreign.JurisdictionId = 4;
            Assert.Throws<JurisdictionViolationException>(() => db.SaveChanges());
            foreign.JurisdictionId = 6;
            db.Stations.Remove(foreign);
            Assert.Throws<JurisdictionViolationException>(() => db.SaveChanges());
        }
        using (var db = Context(_tree.ScopeFor(2)))
        {
            // Another context, without the allowance: refused as before.
            var foreign = db.Stations.IgnoreQueryFilters().Single(x => x.Name == "丙站");
            foreign.Phone = "110";
            Assert.Throws<JurisdictionViolationException>(() => db.SaveChanges());
        }
        using var all = Context(FixedJurisdictionScope.System);
        var stored = all.Stations.Single(x => x.Name == "丙站");
        Assert.Equal(("119", 6L), (stored.Phone, stored.JurisdictionId));
    }

    [Fact]
    public void Save_InsideTheScope_WritesAuditEntryInTheSameTransaction()
    {
        using (var db = Context(_tree.ScopeFor(4), "officer"))
        {
            var s = db.Stations.Single(x => x.Name == "甲站");
            s.Phone = "119";
            db.SaveChanges();
        }
        using var all = Context(FixedJurisdictionScope.System);
        var entry = Assert.Single(all.AuditEntries);
        Assert.Equal("officer", entry.UserName);
        Assert.Equal("Modified", entry.Action);
        Assert.Equal(nameof(Station), entry.Entity);
        Assert.Contains("\"Phone\":{\"old\":null,\"new\":\"119\"}", entry.Changes);
        Assert.Equal(4, entry.JurisdictionId);
    }

    public void Dispose() => _connection.Dispose();
}
