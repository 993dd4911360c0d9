using System.Data.Common;
using KneeTriage.Web.Infrastructure.Health;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Data;

public static class StorageServiceCollectionExtensions
{
    public const string ConnectionStringName = "KneeTriage";

    /// <summary>
    /// The database named by Storage:Provider (Sqlite, the default, or PostgreSQL) at
    /// ConnectionStrings:KneeTriage (for SQLite, by default a file under a data folder created here).
    /// Data-protection keys go in the same database so several instances can read each other's
    /// antiforgery tokens and draft cookies. A wrong provider or a malformed connection string
    /// stops start-up here, with a message naming the setting.
    /// </summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        var provider = StorageProvider.Named(builder.Configuration[StorageProvider.SettingName]);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? DefaultConnectionString(provider, builder.Environment);

        builder.Services.AddSingleton(provider);
        builder.Services.AddSingleton(new StorageConnectionString(connectionString));
        // Pooled: result pages and API reads rent a ready context instead of building one per request.
        provider.AddDbContext(builder.Services, connectionString);
        // The one question every result-page view asks, on the provider's cheapest path instead of EF Core.
        // (A factory, not an instance, so the container disposes it and closes its connections.)
        builder.Services.AddSingleton(_ => provider.CreateTokenLookup(connectionString));
        // New results are committed in groups: one transaction and one fsync for many requests.
        builder.Services.AddSingleton<GroupCommitWriter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<GroupCommitWriter>());
        builder.Services.AddSingleton(services => new AssessmentStore(
            services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IStoredTokenLookup>(),
            services.GetRequiredService<GroupCommitWriter>()));
        // The first answers kept for retried requests (Idempotency-Key, the form's draft).
        builder.Services.AddSingleton<IdempotentAnswers>();
        provider.AddBackgroundWork(builder.Services);
        // Readiness (/healthz/ready) asks the database through EF Core, whichever provider it is.
        builder.Services.AddHealthChecks().AddDbContextCheck<KneeTriageDbContext>("database", tags: [HealthEndpoints.ReadyTag]);
        builder.Services.AddDataProtection()
            .SetApplicationName("KneeTriage")
            .PersistKeysToDbContext<KneeTriageDbContext>();
        builder.Services.ReadKeyRingOnFirstUse();
        return builder;
    }

    /// <summary>
    /// Applies the provider's checked-in migrations before the first request, so every instance
    /// starts on the current schema. A database that has them all already is recognised in one query
    /// over a plain connection (<see cref="AppliedMigrations"/>), without building EF Core at start-up,
    /// and a new database is given its schema from EF Core's script of the migrations (<see cref="NewDatabaseSchema"/>).
    /// Otherwise (a database some migrations behind) instances started together do not race: EF Core's Migrate()
    /// takes a lock in the database first (SQLite: the __EFMigrationsLock table; PostgreSQL: an advisory
    /// lock for the whole run, see PostgreSqlStorage.Migrate) and the second finds nothing left to apply. A database that cannot be
    /// reached stops start-up with a message naming the setting and the server, never the password.
    /// </summary>
    public static WebApplication MigrateDatabase(this WebApplication app)
    {
        var provider = app.Services.GetRequiredService<StorageProvider>();
        var connectionString = app.Services.GetRequiredService<StorageConnectionString>().Value;
        try
        {
            using var connection = provider.CreateConnection(connectionString);
            connection.Open();
            if (!AppliedMigrations.AreAllIn(connection, provider) && !NewDatabaseSchema.TryCreate(connection, provider))
            {
                using var scope = app.Services.CreateScope();
                provider.Migrate(scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>().Database);
            }

            provider.AfterMigrate(connection);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException or IOException)
        {
            var where = app.Configuration.GetConnectionString(ConnectionStringName) is null ? "the default database" : provider.Describe(connectionString);
            throw new StorageConfigurationException(
                $"Could not open or migrate the {provider.Name} database named by ConnectionStrings:{ConnectionStringName} ({where}; {StorageProvider.SettingName} = {provider.Name}): {exception.GetBaseException().Message}",
                exception);
        }

        return app;
    }

    private static string DefaultConnectionString(StorageProvider provider, IWebHostEnvironment environment) =>
        provider.Name == "Sqlite"
            ? $"Data Source={Path.Combine(environment.ContentRootPath, "data", "kneetriage.db")}"
            : throw new StorageConfigurationException(
                $"{StorageProvider.SettingName} is {provider.Name} but ConnectionStrings:{ConnectionStringName} is not set. Example: Host=db.internal;Database=kneetriage;Username=kneetriage;Password=...");
}

/// <summary>The connection string the app stores with: ConnectionStrings:KneeTriage, or the provider's default.</summary>
internal sealed record StorageConnectionString(string Value);
