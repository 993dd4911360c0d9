using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Data;

/// <summary>
/// Group commit for new results. Each request hands its record to one writer, which inserts
/// everything that queued up meanwhile in one transaction and commits it; only when the commit has
/// returned (on SQLite with synchronous=FULL: the WAL is fsync'd) is each request's task completed.
/// Many inserts share one fsync, so durability no longer costs one fsync per request, and no request
/// is ever answered before its row is on disk. Nothing here assumes one process: every instance runs
/// its own writer and the database serialises their transactions (SQLite's write lock, retried by
/// Microsoft.Data.Sqlite until the command timeout; PostgreSQL's MVCC).
/// </summary>
internal sealed partial class GroupCommitWriter(IServiceScopeFactory scopes, StorageProvider provider, ILogger<GroupCommitWriter> logger) : IHostedService, IDisposable
{
    /// <summary>More than the connections a busy instance serves at once; bounds a transaction's length.</summary>
    private const int MaxBatch = 512;

    // Plain SQL rather than SaveChanges: change tracking costs more than the insert itself, and the
    // writer sends the batch in one round trip where the driver can (AssessmentInsert). Built from
    // the EF model on the first submission, not at start-up (decision 0040).
    private readonly Lazy<AssessmentInsert> insert = new(() =>
    {
        using var scope = scopes.CreateScope();
        return AssessmentInsert.For(scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>());
    });

    private readonly Channel<PendingInsert> queue = Channel.CreateBounded<PendingInsert>(
        new BoundedChannelOptions(8192) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private Thread? thread;

    /// <summary>
    /// Inserts <paramref name="record"/> and returns once it is committed (true), or false without
    /// storing anything when the writer has stopped (the caller then writes it itself). A failed
    /// commit throws the database's exception: nothing of that batch was stored.
    /// </summary>
    public async Task<bool> TryInsertAsync(StoredAssessment record, CancellationToken cancellationToken)
    {
        // The row's values (compression included) on this request's thread: the writer only sends them.
        var pending = new PendingInsert(insert.Value.ValuesOf(record));
        try
        {
            await queue.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return false;
        }

        // Not cancellable once queued: the answer must say whether the row was stored.
        await pending.Committed.Task;
        return true;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A thread of its own: each commit blocks on fsync, which would starve a small thread pool.
        thread = new Thread(Run) { IsBackground = true, Name = "KneeTriage group commit" };
        thread.Start();
        return Task.CompletedTask;
    }

    /// <summary>Takes no new records (callers fall back to writing themselves) and commits what is queued.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        return thread is null ? Task.CompletedTask : Task.Run(() => thread.Join(), cancellationToken);
    }

    public void Dispose() => queue.Writer.TryComplete();

    private void Run()
    {
        var batch = new List<PendingInsert>(MaxBatch);
        // The loop ends once the queue is completed and empty.
        while (WaitForRecords())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                var started = Stopwatch.GetTimestamp();
                CommitRetryingABrokenConnection(batch);
                LogBatchCommitted(logger, batch.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                foreach (var pending in batch)
                {
                    pending.Committed.TrySetResult();
                }
            }
            catch (Exception exception)
            {
                // Whatever went wrong fails this batch (its callers see the exception), never the writer.
                LogBatchFailed(logger, exception, batch.Count);
                foreach (var pending in batch)
                {
                    pending.Committed.TrySetException(exception);
                }
            }

            batch.Clear();
        }
    }

    /// <summary>
    /// Blocks this dedicated thread until a record is queued (true) or the queue is completed (false),
    /// on a wait handle: Task.Wait would spin first and burn the CPU the requests need.
    /// </summary>
    private bool WaitForRecords()
    {
        var ready = queue.Reader.WaitToReadAsync().AsTask();
        if (!ready.IsCompleted)
        {
            ((IAsyncResult)ready).AsyncWaitHandle.WaitOne();
        }

        return ready.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Commits the batch; when the connection fails before COMMIT was sent (a pooled connection the
    /// server dropped: a restart, pg_terminate_backend), nothing of the batch can have been stored,
    /// so it is tried once more on a new connection. A failure during COMMIT is never retried: the
    /// commit may have happened, and a second try would store every result twice.
    /// </summary>
    private void CommitRetryingABrokenConnection(List<PendingInsert> batch)
    {
        var commitSent = false;
        try
        {
            Commit(batch, () => commitSent = true);
        }
        catch (Exception exception) when (!commitSent && StorageFailure.IsWorthARetry(exception))
        {
            LogBatchRetried(logger, exception, batch.Count);
            StorageFailure.ForgetPooledConnections();
            Commit(batch, () => { });
        }
    }

    private void Commit(List<PendingInsert> batch, Action committing)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
        db.Database.OpenConnection();
        try
        {
            var connection = db.Database.GetDbConnection();
            provider.PrepareWriterConnection(connection);
            // Each provider's default: SQLite serialises writers anyway; PostgreSQL's read committed suits plain inserts.
            using var transaction = connection.BeginTransaction();
            insert.Value.InsertAll(connection, transaction, [.. batch.Select(p => p.Row)]);

            committing();
            transaction.Commit();
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed {Count} results in {ElapsedMs:0.0} ms")]
    private static partial void LogBatchCommitted(ILogger logger, int count, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} results met a dropped connection before its commit (nothing of it was stored); trying once more on a new one")]
    private static partial void LogBatchRetried(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not commit a batch of {Count} results; nothing of it was stored")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    private sealed class PendingInsert(object[] row)
    {
        public object[] Row { get; } = row;

        // Continuations run on the thread pool, not on the writer's thread.
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
