using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace FireCommand.Core.Data;

/// <summary>
/// Lets one write transaction at a time into the embedded SQLite file, queueing the others in the
/// process. SQLite has a single writer; when two transactions collide, the second gets SQLITE_BUSY and
/// Microsoft.Data.Sqlite sleeps 150 ms before it retries, so under a call surge alarm intake moved in
/// steps of 150 ms. Here the second writer waits, without polling, for the first one's commit, and
/// starts the moment it ends. Readers are not gated: in WAL mode they never wait for the writer.
/// </summary>
/// <remarks>
/// A transaction takes the gate before <c>BEGIN IMMEDIATE</c> and gives it back when it commits, rolls
/// back or is disposed, so the alarm's answer still follows its commit. Writers in other processes
/// (a command-line import) still meet SQLite's own locking. Thread-safe.
/// </remarks>
public sealed class SqliteWriteGate(TimeSpan? waitLimit = null)
{
    private static readonly ConditionalWeakTable<DbTransaction, Lease> Leases = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeSpan _waitLimit = waitLimit ?? TimeSpan.FromSeconds(30);
    private int _waiting;

    /// <summary>Writers queued behind the one that holds the gate.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Whether a write transaction holds the gate.</summary>
    public bool IsHeld => _gate.CurrentCount == 0;

    /// <summary>Raised on the writer's thread when it starts to wait behind the one that holds the gate.</summary>
    public event Action? Queued;

    private void Enqueue()
    {
        Interlocked.Increment(ref _waiting);
        if (IsHeld) Queued?.Invoke();
    }

    /// <summary>Adds the gate to a SQLite context's options.</summary>
    public DbContextOptionsBuilder Apply(DbContextOptionsBuilder options) => options
        .AddInterceptors(new Interceptor(this))
        .ReplaceService<IRelationalTransactionFactory, GatedTransactionFactory>();

    private async ValueTask<Lease> EnterAsync(CancellationToken ct)
    {
        Enqueue();
        try
        {
            if (!await _gate.WaitAsync(_waitLimit, ct))
                throw new TimeoutException($"No write transaction could start within {_waitLimit.TotalSeconds:F0} s.");
        }
        finally { Interlocked.Decrement(ref _waiting); }
        return new Lease(_gate);
    }

    private Lease Enter()
    {
        Enqueue();
        try
        {
            if (!_gate.Wait(_waitLimit))
                throw new TimeoutException($"No write transaction could start within {_waitLimit.TotalSeconds:F0} s.");
        }
        finally { Interlocked.Decrement(ref _waiting); }
        return new Lease(_gate);
    }

    /// <summary>One transaction's hold on the gate; released once, whichever way the transaction ends.</summary>
    private sealed class Lease(SemaphoreSlim gate)
    {
        private int _released;

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }

    /// <summary>Takes the gate, then begins the transaction itself, so a failed <c>BEGIN</c> gives it back.</summary>
    private sealed class Interceptor(SqliteWriteGate owner) : DbTransactionInterceptor
    {
        public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
        {
            if (result.HasResult) return result;
            var lease = owner.Enter();
            try
            {
                var transaction = connection.BeginTransaction(eventData.IsolationLevel);
                Leases.Add(transaction, lease);
                return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
            }
            catch
            {
                lease.Release();
                throw;
            }
        }

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken ct = default)
        {
            if (result.HasResult) return result;
            var lease = await owner.EnterAsync(ct);
            try
            {
                var transaction = await connection.BeginTransactionAsync(eventData.IsolationLevel, ct);
                Leases.Add(transaction, lease);
                return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
            }
            catch
            {
                lease.Release();
                throw;
            }
        }
    }

    /// <summary>Creates transactions that give the gate back when they end.</summary>
    private sealed class GatedTransactionFactory(RelationalTransactionFactoryDependencies dependencies)
        : RelationalTransactionFactory(dependencies)
    {
        public override RelationalTransaction Create(IRelationalConnection connection, DbTransaction transaction, Guid transactionId,
            IDiagnosticsLogger<DbLoggerCategory.Database.Transaction> logger, bool transactionOwned) =>
            new GatedTransaction(connection, transaction, transactionId, logger, transactionOwned, Dependencies.SqlGenerationHelper,
                Leases.TryGetValue(transaction, out var lease) ? lease : null);
    }

    private sealed class GatedTransaction(IRelationalConnection connection, DbTransaction transaction, Guid transactionId,
        IDiagnosticsLogger<DbLoggerCategory.Database.Transaction> logger, bool transactionOwned, ISqlGenerationHelper sql, Lease? lease)
        : RelationalTransaction(connection, transaction, transactionId, logger, transactionOwned, sql)
    {
        // Commit, rollback and dispose all end here; the gate opens only after SQLite has finished.
        protected override void ClearTransaction()
        {
            try { base.ClearTransaction(); }
            finally { lease?.Release(); }
        }

        protected override async Task ClearTransactionAsync(CancellationToken ct = default)
        {
            try { await base.ClearTransactionAsync(ct); }
            finally { lease?.Release(); }
        }

        // A commit that throws skips ClearTransaction; the dispose that follows still ends the hold.
        public override void Dispose()
        {
            try { base.Dispose(); }
            finally { lease?.Release(); }
        }

        public override async ValueTask DisposeAsync()
        {
            try { await base.DisposeAsync(); }
            finally { lease?.Release(); }
        }
    }
}
