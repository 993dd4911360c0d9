using KneeTriage.Web.Health;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KneeTriage.Web.Data;

public static class StorageServiceCollectionExtensions
{
    public const string ConnectionStringName = "KneeTriage";

    /// <summary>
    /// SQLite by default (a file under a data folder that is created here), the connection string
    /// from ConnectionStrings:KneeTriage. Data-protection keys go in the same database so several
    /// instances can read each other's antiforgery tokens and draft cookies.
    /// </summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "data", "kneetriage.db")}";
        EnsureFolderExists(connectionString);

        // Pooled: result pages and API reads rent a ready context instead of building one per request.
        builder.Services.AddDbContextPool<KneeTriageDbContext>(options => options.UseSqlite(connectionString));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<AssessmentStore>();
        // The one question every result-page view asks, on a prepared statement instead of EF Core.
        // (A factory, not an instance, so the container disposes it and closes its connections.)
        builder.Services.AddSingleton(_ => new StoredTokenLookup(connectionString));
        // New results are committed in groups: one transaction and one fsync for many requests.
        builder.Services.AddSingleton<GroupCommitWriter>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<GroupCommitWriter>());
        // SQLite's log is copied into the database file in the background, not inside a request's commit.
        builder.Services.AddHostedService<SqliteWalCheckpointer>();
        // Readiness (/healthz/ready) asks the database through EF Core, whichever provider it is.
        builder.Services.AddHealthChecks().AddDbContextCheck<KneeTriageDbContext>("database", tags: [HealthEndpoints.ReadyTag]);
        builder.Services.AddDataProtection()
            .SetApplicationName("KneeTriage")
            .PersistKeysToDbContext<KneeTriageDbContext>();
        return builder;
    }

    /// <summary>
    /// Applies checked-in migrations before the first request and switches SQLite to WAL, so readers
    /// of result pages do not wait behind a writer. WAL is a property of the file: setting it once is enough.
    /// </summary>
    public static WebApplication MigrateDatabase(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
        db.Database.Migrate();
        if (db.Database.IsSqlite())
        {
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }

        return app;
    }

    private static void EnsureFolderExists(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
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
