using Microsoft.Data.Sqlite;

namespace KneeTriage.Web.Data.Sqlite;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file on a timer, from its own connection,
/// so that no request waits for it. By default SQLite runs this checkpoint inside whichever commit
/// happens to cross the 1000-page mark, and that commit (with every request of its group) then waits
/// for the whole database file to be written and fsync'd. The group-commit writer keeps that
/// automatic checkpoint only as a backstop on its connection (<see cref="AutomaticCheckpointBackstop"/>);
/// this service does most of the copying beforehand, so the backstop finds little left to copy. PASSIVE never blocks writers or readers, and several instances
/// checkpointing the same file is harmless: each copies what is left.
/// Durability is unchanged: a commit is on disk once the log is fsync'd.
/// </summary>
internal sealed partial class SqliteWalCheckpointer(StorageConnectionString database, ILogger<SqliteWalCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Run on the writer's connection before its transaction. Not 0: the log restarts from its
    /// beginning only when a writer finds it fully copied, and under steady writes a checkpoint
    /// from another connection almost never catches up with the writer, so with no backstop the
    /// log grew without bound (177 MB in a 60 s load test). After this many pages (SQLite's default
    /// of 1000, 4 MB) the writer checkpoints inline, and its group waits for that. The wait grows
    /// with the backstop: at 64 connections submissions' p99 was 20-23 ms with 1000 pages, 56 ms
    /// with 4000 and 97 ms with 16000 (bench/README.md); 300 pages cost throughput for little gain.
    /// </summary>
    public const string AutomaticCheckpointBackstop = "PRAGMA wal_autocheckpoint=1000;";

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
        catch (OperationCanceledException)
        {
            // Stopping (or the host never started); a last checkpoint is not needed for durability.
        }
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A plain connection: a pragma needs nothing of EF Core, whose first use this would
            // otherwise bring into every start-up (docs/decisions/0040). Microsoft.Data.Sqlite pools it.
            // Runs on a thread-pool thread, but only twice a second and never on a request's path.
            await using var connection = new SqliteConnection(database.Value);
            await connection.OpenAsync(cancellationToken);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
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
