using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Data;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file on a timer, from its own connection,
/// so that no request waits for it. By default SQLite runs this checkpoint inside whichever commit
/// happens to cross the 1000-page mark, and that commit (with every request of its group) then waits
/// for the whole database file to be written and fsync'd. The group-commit writer turns that
/// automatic checkpoint off on its connection (<see cref="DisableAutomaticCheckpoints"/>); this
/// service does the work instead. PASSIVE never blocks writers or readers, and several instances
/// checkpointing the same file is harmless: each copies what is left.
/// Durability is unchanged: a commit is on disk once the log is fsync'd.
/// </summary>
public sealed partial class SqliteWalCheckpointer(IServiceScopeFactory scopes, ILogger<SqliteWalCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>Run on the writer's connection before its transaction.</summary>
    public const string DisableAutomaticCheckpoints = "PRAGMA wal_autocheckpoint=0;";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; a last checkpoint is not needed for durability.
        }
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
            if (!db.Database.IsSqlite())
            {
                return;
            }

            // Runs on a thread-pool thread, but only twice a second and never on a request's path.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A failed checkpoint loses nothing (the log still holds every commit); try again next tick.
            LogCheckpointFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite WAL checkpoint failed; will retry")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
