using System.Data.Common;
using FireCommand.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FireCommand.Web.Tests.Infrastructure;

/// <summary>
/// Forces the worst interleaving of two dispatch orders, without sleeps: once armed, the first
/// request that writes an assignment is held just before its commit until a second request has done
/// all its reads and is about to write (PostgreSQL), or is queued at the write gate (SQLite, whose
/// dispatch transaction takes the write lock at its start, so nothing can read past a held writer).
/// Registered on every test host; inert until <see cref="Arm"/>.
/// </summary>
public sealed class DispatchInterleaving
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);
    private readonly Lock _lock = new();
    private Round? _round;

    public IInterceptor[] Interceptors { get; }

    public DispatchInterleaving() => Interceptors = [new Commands(this), new Transactions(this)];

    /// <summary>Starts one forced interleaving of two writers of <paramref name="table"/>; dispose to disarm.</summary>
    public Round Arm(string table = "Assignments")
    {
        lock (_lock)
        {
            if (_round is not null) throw new InvalidOperationException("An interleaving is already armed.");
            return _round = new Round(this, $"INSERT INTO \"{table}\"");
        }
    }

    public sealed class Round(DispatchInterleaving owner, string insert) : IDisposable
    {
        internal readonly string Insert = insert;
        internal readonly TaskCompletionSource FirstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
        internal readonly TaskCompletionSource SecondArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        internal DbContext? First;
        internal bool Arrived;

        /// <summary>Completes when the first writer is held before its commit.</summary>
        public Task FirstHeldBeforeCommit => FirstHeld.Task.WaitAsync(HangGuard);

        /// <summary>True once a second request arrived while the first was held, i.e. the race happened.</summary>
        public bool Interleaved
        {
            get { lock (owner._lock) return Arrived; }
        }

        public void Dispose()
        {
            SecondArrived.TrySetResult(); // never leave a request hanging behind a failed test
            lock (owner._lock) if (owner._round == this) owner._round = null;
        }
    }

    private Round? Current
    {
        get { lock (_lock) return _round; }
    }

    private void OnWrite(DbCommand command, DbContext? context)
    {
        if (context is null || Current is not { } round) return;
        if (!command.CommandText.Contains(round.Insert, StringComparison.Ordinal)) return;
        lock (_lock)
        {
            if (round.First is null) round.First = context;
            else if (round.First != context && round.FirstHeld.Task.IsCompleted) Release(round);
        }
    }

    /// <summary>On SQLite a second writer waits at the process's write gate before it begins.</summary>
    public void Watch(SqliteWriteGate gate) => gate.Queued += OnQueued;

    private void OnQueued()
    {
        if (Current is not { } round) return;
        lock (_lock)
            if (round.First is not null && round.FirstHeld.Task.IsCompleted)
                Release(round);
    }

    private static void Release(Round round)
    {
        round.Arrived = true;
        round.SecondArrived.TrySetResult();
    }

    private async Task OnCommittingAsync(DbContext? context)
    {
        if (context is null || Current is not { } round || round.First != context) return;
        round.FirstHeld.TrySetResult();
        await round.SecondArrived.Task.WaitAsync(HangGuard);
    }

    private sealed class Commands(DispatchInterleaving owner) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            owner.OnWrite(command, eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result)
        {
            owner.OnWrite(command, eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            owner.OnWrite(command, eventData.Context);
            return ValueTask.FromResult(result);
        }
    }

    private sealed class Transactions(DispatchInterleaving owner) : DbTransactionInterceptor
    {
        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction,
            TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            await owner.OnCommittingAsync(eventData.Context);
            return result;
        }
    }
}
