using System.Data.Common;
using KneeTriage.Web.Data.PostgreSql;
using KneeTriage.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KneeTriage.Web.Data;

/// <summary>
/// What differs between databases, kept inside Data/: how the context is configured (and so which
/// migrations it has), how the result-page existence check runs, what the group-commit writer sets
/// on its connection, and background work such as SQLite's checkpoints. Chosen by Storage:Provider.
/// </summary>
internal abstract class StorageProvider
{
    public const string SettingName = "Storage:Provider";

    public abstract string Name { get; }

    /// <summary>
    /// True when queries travel over a socket of this process (a database server), so a request
    /// that waits on one synchronously needs the socket threads free (see Hosting/InlineSocketScheduling).
    /// </summary>
    public abstract bool QueriesOverSockets { get; }

    /// <summary>
    /// Registers <see cref="KneeTriageDbContext"/> (pooled) on this provider. Throws
    /// <see cref="StorageConfigurationException"/> naming the setting when the connection string is malformed.
    /// </summary>
    public abstract void AddDbContext(IServiceCollection services, string connectionString);

    public abstract IStoredTokenLookup CreateTokenLookup(string connectionString);

    /// <summary>The context type this provider registers: its migrations are the ones attributed to it.</summary>
    public abstract Type ContextType { get; }

    /// <summary>A plain connection to the database, outside EF Core (closed; the caller opens and disposes it).</summary>
    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>The connection string's server and database, safe to show: never the password.</summary>
    public abstract string Describe(string connectionString);

    /// <summary>Run on the writer's connection before each group's transaction.</summary>
    public virtual void PrepareWriterConnection(DbConnection connection)
    {
    }

    /// <summary>
    /// Applies the checked-in migrations. EF Core's own migration lock is enough where it is held
    /// for the whole run (SQLite's lock table); a provider whose lock ends with each migration's
    /// transaction serializes the whole run itself.
    /// </summary>
    public virtual void Migrate(DatabaseFacade database) => database.Migrate();

    /// <summary>
    /// A transaction that holds the provider's migration lock until it ends, for creating a new
    /// database's schema from its script (<see cref="NewDatabaseSchema"/>).
    /// </summary>
    public abstract DbTransaction BeginSchemaChange(DbConnection connection);

    /// <summary>A query whose one value is above zero when EF Core's migrations have been here (their history table).</summary>
    public abstract string MigrationTablesExistSql { get; }

    /// <summary>Run on an open connection once the migrations are applied, or found applied already.</summary>
    public virtual void AfterMigrate(DbConnection connection)
    {
    }

    /// <summary>Hosted services only this provider needs.</summary>
    public virtual void AddBackgroundWork(IServiceCollection services)
    {
    }

    /// <summary>
    /// Migrate() would first build the model a second time, from the migrations' snapshot, to warn of
    /// model changes no migration captures (about 100 ms of every start-up, docs/decisions/0038).
    /// A shipped build cannot have any: AssessmentStoreTests fails the build that has, on both providers.
    /// </summary>
    protected static DbContextOptionsBuilder SkipModelCheckAtStartup(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));

    /// <summary>
    /// A parsed connection string, or a <see cref="StorageConfigurationException"/> naming the setting.
    /// The parsers' messages name the keyword at fault, never a value, so no password is shown.
    /// </summary>
    protected static T ParseConnectionString<T>(Func<T> parse, string database, string example)
    {
        try
        {
            return parse();
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new StorageConfigurationException(
                $"ConnectionStrings:{StorageServiceCollectionExtensions.ConnectionStringName} is not a valid {database} connection string ({exception.Message}). Example: {example}");
        }
    }

    /// <summary>The provider a Storage:Provider value names (case-insensitive; empty means SQLite).</summary>
    public static StorageProvider Named(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => new SqliteStorage(),
        "POSTGRESQL" => new PostgreSqlStorage(),
        _ => throw new StorageConfigurationException(
            $"{SettingName} is '{name}', which is not a storage provider this app knows. Use Sqlite (the default) or PostgreSQL."),
    };
}

/// <summary>A storage setting that stops start-up; its message names the setting and never holds a password.</summary>
public sealed class StorageConfigurationException(string message, Exception? innerException = null)
    : InvalidOperationException(message, innerException);
