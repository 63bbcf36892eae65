using FireCommand.Core.Audit;
using FireCommand.Core.Data;
using FireCommand.Core.Resources;
using FireCommand.Core.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Core.Tests.Data;

/// <summary>
/// Write transactions on one SQLite file queue in the process: a second writer waits for the first
/// one's end instead of meeting SQLITE_BUSY, and every way a transaction ends lets the next one in.
/// </summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("firecommand-gate-").FullName;
    // A writer left waiting fails the test within seconds instead of hanging it.
    private readonly SqliteWriteGate _gate = new(TimeSpan.FromSeconds(20));
    private readonly string _connectionString;

    private sealed class Actor : IAuditActor
    {
        public string UserId => "tester";
        public string UserName => "tester";
    }

    public SqliteWriteGateTests()
    {
        _connectionString = $"Data Source={Path.Combine(_folder, "gate.db")};Pooling=False";
        using var db = Context();
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteFireCommandDbContext Context() =>
        new((DbContextOptions<SqliteFireCommandDbContext>)_gate.Apply(new DbContextOptionsBuilder<SqliteFireCommandDbContext>()
                .UseSqlite(_connectionString)).Options,
            FixedJurisdictionScope.System, new Actor(), TimeProvider.System);

    private static Jurisdiction Node(string code) => new() { Name = "J" + code, Code = code, Level = JurisdictionLevel.Corps };

    [Fact]
    public async Task SecondWriter_WaitsInTheProcessForTheFirstCommit_ThenSeesIt()
    {
        await using var first = Context();
        await using var second = Context();
        await using var firstTx = await first.Database.BeginTransactionAsync();
        first.Jurisdictions.Add(Node("000001"));
        await first.SaveChangesAsync();

        var secondWrite = Task.Run(async () =>
        {
            await using var tx = await second.Database.BeginTransactionAsync();
            // Inside its own transaction the second writer already sees the first one's row.
            var seen = await second.Jurisdictions.IgnoreQueryFilters().CountAsync();
            second.Jurisdictions.Add(Node("000002"));
            await second.SaveChangesAsync();
            await tx.CommitAsync();
            return seen;
        });
        // The second writer queues at the gate, not in SQLite's busy retry loop.
        await WaitUntil(() => _gate.Waiting == 1);
        Assert.False(secondWrite.IsCompleted);

        await firstTx.CommitAsync();
        Assert.Equal(1, await secondWrite);
        await using var check = Context();
        Assert.Equal(2, await check.Jurisdictions.IgnoreQueryFilters().CountAsync());
        Assert.False(_gate.IsHeld);
    }

    [Fact]
    public async Task TransactionDisposedWithoutCommit_LetsTheNextWriterIn()
    {
        await using (var db = Context())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Jurisdictions.Add(Node("000001"));
            await db.SaveChangesAsync();
            Assert.True(_gate.IsHeld);
        }
        Assert.False(_gate.IsHeld);

        await using var next = Context();
        next.Jurisdictions.Add(Node("000002"));
        await next.SaveChangesAsync();
        Assert.Equal(["000002"], await next.Jurisdictions.IgnoreQueryFilters().Select(j => j.Code).ToListAsync());
    }

    [Fact]
    public async Task FailedSave_LetsTheNextWriterIn()
    {
        await using (var db = Context())
        {
            // A parent that does not exist: the foreign key fails inside the save's own transaction.
            var orphan = Node("000001");
            orphan.ParentId = 999;
            db.Jurisdictions.Add(orphan);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        Assert.False(_gate.IsHeld);

        await using var next = Context();
        next.Jurisdictions.Add(Node("000002"));
        await next.SaveChangesAsync();
        Assert.False(_gate.IsHeld);
    }

    [Fact]
    public void SynchronousWrites_AreGatedAndReleasedToo()
    {
        using var db = Context();
        using (var tx = db.Database.BeginTransaction())
        {
            Assert.True(_gate.IsHeld);
            db.Jurisdictions.Add(Node("000001"));
            db.SaveChanges();
            tx.Commit();
        }
        Assert.False(_gate.IsHeld);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 400 && !condition(); i++) await Task.Delay(25);
        Assert.True(condition(), "the condition did not become true");
    }
}
