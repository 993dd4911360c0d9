using KneeTriage.Web.Data;
using KneeTriage.Web.Data.PostgreSql;
using KneeTriage.Web.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>
/// A migrated database for the store and retention tests that work below the app: SQLite in
/// memory, or a fresh PostgreSQL database when the suite runs there (KNEETRIAGE_TEST_STORAGE=PostgreSQL,
/// CI's second pass), so both providers run the same queries.
/// </summary>
internal sealed class SuiteDatabase : IDisposable
{
    private readonly SqliteConnection? sqlite;
    private readonly TestPostgresDatabase? postgres;

    /// <param name="migratedUpTo">The last migration to apply (a migration's name), for a test of the next one; all of them when null.</param>
    public SuiteDatabase(string? migratedUpTo = null)
    {
        if (TestPostgres.IsTheSuitesStorage)
        {
            postgres = TestPostgres.CreateDatabase();
        }
        else
        {
            sqlite = new SqliteConnection("Data Source=:memory:");
            sqlite.Open();
        }

        using var db = NewContext();
        db.Database.Migrate(migratedUpTo);
    }

    /// <summary>Applies the migrations not applied yet, as the app does at start-up.</summary>
    public void MigrateToLatest()
    {
        using var db = NewContext();
        db.Database.Migrate();
    }

    public bool OnPostgres => postgres is not null;

    /// <summary>A new context on the database, as the app's pool would hand one out.</summary>
    public KneeTriageDbContext NewContext() => NewContextWatchedBy();

    /// <summary>A new context whose commands these interceptors see, for a test that watches what a feature asks of the database.</summary>
    public KneeTriageDbContext NewContextWatchedBy(params IInterceptor[] interceptors) => postgres is null
        ? new SqliteKneeTriageDbContext(new DbContextOptionsBuilder<SqliteKneeTriageDbContext>().UseSqlite(sqlite!).AddInterceptors(interceptors).Options)
        : new PostgreSqlKneeTriageDbContext(new DbContextOptionsBuilder<PostgreSqlKneeTriageDbContext>().UseNpgsql(postgres.ConnectionString).AddInterceptors(interceptors).Options);

    public void Dispose()
    {
        sqlite?.Dispose();
        postgres?.Dispose();
    }
}
