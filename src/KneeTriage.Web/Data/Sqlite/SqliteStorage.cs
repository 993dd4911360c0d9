using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KneeTriage.Web.Data.Sqlite;

/// <summary>
/// The default: one file, WAL, synchronous=FULL. Several instances on one machine may share the
/// file (SQLite's locks serialise their writers); each runs its own checkpointer.
/// </summary>
internal sealed class SqliteStorage : StorageProvider
{
    private static readonly SqliteBusyWait BusyWait = new();

    public override string Name => "Sqlite";

    // A file in this process: no socket.
    public override bool QueriesOverSockets => false;

    public override void AddDbContext(IServiceCollection services, string connectionString)
    {
        EnsureFolderExists(Parse(connectionString));
        // A held write lock is waited for in SQLite's busy handler, not in 150 ms sleeps (SqliteBusyWait).
        services.AddDbContextPool<KneeTriageDbContext, SqliteKneeTriageDbContext>(options =>
            SkipModelCheckAtStartup(options.UseSqlite(connectionString).AddInterceptors(BusyWait)));
    }

    public override IStoredTokenLookup CreateTokenLookup(string connectionString) => new SqliteTokenLookup(connectionString);

    public override Type ContextType => typeof(SqliteKneeTriageDbContext);

    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    public override string Describe(string connectionString) => $"SQLite file {Parse(connectionString).DataSource}";

    public override void PrepareWriterConnection(DbConnection connection)
    {
        // FULL is the default already, said out loud: the commit returns only after the WAL is fsync'd.
        // Checkpoints happen off this path, in SqliteWalCheckpointer, but for a backstop that keeps the log bounded.
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=FULL; " + SqliteWalCheckpointer.AutomaticCheckpointBackstop;
        pragma.ExecuteNonQuery();
    }

    /// <summary>BEGIN IMMEDIATE: SQLite's write lock from the start, so a second instance waits here, then finds the history table.</summary>
    public override DbTransaction BeginSchemaChange(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    // The lock table too: an instance of an older build may be inside EF Core's Migrate(), which makes it first.
    public override string MigrationTablesExistSql =>
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', '__EFMigrationsLock')";

    /// <summary>WAL, so readers of result pages do not wait behind a writer. A property of the file: once is enough.</summary>
    public override void AfterMigrate(DbConnection connection)
    {
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL;";
        pragma.ExecuteNonQuery();
    }

    /// <summary>SQLite's log is copied into the database file in the background, not inside a request's commit.</summary>
    public override void AddBackgroundWork(IServiceCollection services) => services.AddHostedService<SqliteWalCheckpointer>();

    private static SqliteConnectionStringBuilder Parse(string connectionString) =>
        ParseConnectionString(
            () => new SqliteConnectionStringBuilder(connectionString),
            "SQLite",
            "Data Source=data/kneetriage.db");

    private static void EnsureFolderExists(SqliteConnectionStringBuilder connection)
    {
        var dataSource = connection.DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
