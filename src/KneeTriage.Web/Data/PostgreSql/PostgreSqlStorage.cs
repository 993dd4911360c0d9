using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace KneeTriage.Web.Data.PostgreSql;

/// <summary>
/// PostgreSQL through Npgsql, for several instances on several machines. Commits are durable when
/// they return (synchronous_commit is on by default), so the group-commit writer's promise holds.
/// </summary>
internal sealed class PostgreSqlStorage : StorageProvider
{
    public override string Name => "PostgreSQL";

    // Npgsql talks to the server over TCP or a Unix socket.
    public override bool QueriesOverSockets => true;

    public override void AddDbContext(IServiceCollection services, string connectionString)
    {
        Parse(connectionString);
        services.AddDbContextPool<KneeTriageDbContext, PostgreSqlKneeTriageDbContext>(options => SkipModelCheckAtStartup(options.UseNpgsql(connectionString)));
    }

    /// <summary>
    /// Npgsql's migration lock is a lock on the history table that ends with each migration's
    /// transaction, so instances started together on a database with two or more pending migrations
    /// could both apply the second ("column already exists"; StorageProviderTests shows it). A
    /// session-level advisory lock on the migrating connection holds the whole run: the next
    /// instance waits, then finds nothing left to apply.
    /// </summary>
    public override void Migrate(DatabaseFacade database)
    {
        database.OpenConnection();
        try
        {
            database.ExecuteSqlRaw("SELECT pg_advisory_lock({0})", MigrationLockKey);
            try
            {
                database.Migrate();
            }
            finally
            {
                database.ExecuteSqlRaw("SELECT pg_advisory_unlock({0})", MigrationLockKey);
            }
        }
        finally
        {
            database.CloseConnection();
        }
    }

    /// <summary>
    /// The same advisory lock as <see cref="Migrate"/>, held by the transaction: a second instance
    /// waits for the first's schema (or its migration run), then finds the history table.
    /// </summary>
    public override DbTransaction BeginSchemaChange(DbConnection connection)
    {
        var transaction = connection.BeginTransaction();
        using var lockCommand = connection.CreateCommand();
        lockCommand.Transaction = transaction;
        lockCommand.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLockKey})";
        lockCommand.ExecuteNonQuery();
        return transaction;
    }

    // Found through the search path, where EF Core creates it.
    public override string MigrationTablesExistSql => """SELECT CASE WHEN to_regclass('"__EFMigrationsHistory"') IS NULL THEN 0 ELSE 1 END""";

    /// <summary>Any fixed number: only KneeTriage's migrations take this advisory lock.</summary>
    internal const long MigrationLockKey = 0x4B6E_6565_5472_6961; // "KneeTria"

    public override IStoredTokenLookup CreateTokenLookup(string connectionString) => new PostgreSqlTokenLookup(connectionString);

    public override Type ContextType => typeof(PostgreSqlKneeTriageDbContext);

    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public override string Describe(string connectionString)
    {
        var parsed = Parse(connectionString);
        return $"PostgreSQL database '{parsed.Database}' on {parsed.Host}:{parsed.Port} as '{parsed.Username}'";
    }

    private static NpgsqlConnectionStringBuilder Parse(string connectionString) =>
        ParseConnectionString(
            () => new NpgsqlConnectionStringBuilder(connectionString),
            "PostgreSQL",
            "Host=db.internal;Database=kneetriage;Username=kneetriage;Password=...");
}
