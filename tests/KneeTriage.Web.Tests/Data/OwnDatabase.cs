using KneeTriage.Web.Data;
using KneeTriage.Web.Data.PostgreSql;
using KneeTriage.Web.Data.Sqlite;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KneeTriage.Web.Tests.Data;

/// <summary>A database of this test's own on the suite's storage, kept across the app instances started on it.</summary>
internal sealed class OwnDatabase : IDisposable
{
    private readonly string sqlitePath = Path.Combine(Path.GetTempPath(), $"kt-current-{Guid.NewGuid():N}.db");
    private readonly TestPostgresDatabase? postgres = TestPostgres.IsTheSuitesStorage ? TestPostgres.CreateDatabase() : null;

    public string ConnectionString => postgres?.ConnectionString ?? $"Data Source={sqlitePath}";

    internal StorageProvider Provider => StorageProvider.Named(postgres is null ? "Sqlite" : "PostgreSQL");

    public KneeTriageDbContext NewContext() => postgres is null
        ? new SqliteKneeTriageDbContext(new DbContextOptionsBuilder<SqliteKneeTriageDbContext>().UseSqlite(ConnectionString).Options)
        : new PostgreSqlKneeTriageDbContext(new DbContextOptionsBuilder<PostgreSqlKneeTriageDbContext>().UseNpgsql(ConnectionString).Options);

    public RateLimitsOffAppFactory App() => RateLimitsOffAppFactory.With(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = Provider.Name,
        ["ConnectionStrings:KneeTriage"] = ConnectionString,
    });

    /// <summary>What a migrating instance holds: SQLite's lock row, PostgreSQL's advisory lock (PostgreSqlStorage.Migrate).</summary>
    public IDisposable HoldMigrationLock()
    {
        if (postgres is null)
        {
            var sqlite = new SqliteConnection(ConnectionString);
            sqlite.Open();
            using var insert = sqlite.CreateCommand();
            // The lock table EF Core's Migrate() makes; a database made from the new-database script has none yet.
            insert.CommandText = """
                CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-12-07 00:00:00+00:00');
                """;
            insert.ExecuteNonQuery();
            return sqlite;
        }

        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var lockCommand = connection.CreateCommand();
        lockCommand.CommandText = $"SELECT pg_advisory_lock({PostgreSqlStorage.MigrationLockKey})";
        lockCommand.ExecuteNonQuery();
        return connection;
    }

    public void Dispose()
    {
        postgres?.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(sqlitePath + suffix);
        }
    }
}
