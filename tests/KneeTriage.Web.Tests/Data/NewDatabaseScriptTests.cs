using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using KneeTriage.Web.Data;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KneeTriage.Web.Tests.Data;

/// <summary>
/// A new database gets its schema from EF Core's script of the checked-in migrations, embedded in
/// the build (Data/NewDatabaseSchema, docs/decisions/0042), instead of from Migrate() on the start
/// path. The script must be exactly what EF Core would generate now, and what it makes must be the
/// schema Migrate() makes. The app tests run on the suite's storage (SQLite, or PostgreSQL in CI's
/// second pass); the scripts of both providers are checked on every pass.
/// </summary>
public sealed partial class NewDatabaseScriptTests
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Providers => ["Sqlite", "PostgreSQL"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void EachScriptIsWhatEfCoreGeneratesFromTheMigrations(string providerName)
    {
        var provider = StorageProvider.Named(providerName);
        using var context = DesignTimeContext(providerName);
        var generated = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions);

        var embedded = NewDatabaseSchema.ScriptFor(provider);

        Assert.True(
            Comparable(generated) == Comparable(embedded),
            $"src/KneeTriage.Web/Data/{providerName}/new-database.sql is not EF Core's script of the {providerName} migrations. " +
            $"Regenerate it (Data/README.md, \"Changing the model\"): dotnet ef migrations script --context {provider.ContextType.Name} --no-transactions -o Data/{providerName}/new-database.sql");
    }

    [Fact]
    public async Task ANewDatabaseGetsTheSchemaMigrateWouldMake()
    {
        using var fromScript = new OwnDatabase();
        using (var app = fromScript.App())
        {
            using var client = app.CreatePlainClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }

        using var fromMigrate = new OwnDatabase();
        using (var context = fromMigrate.NewContext())
        {
            context.Database.Migrate();
        }

        Assert.Equal(SchemaOf(fromMigrate), SchemaOf(fromScript));
        Assert.Equal(HistoryOf(fromMigrate), HistoryOf(fromScript));
    }

    [Fact]
    public void TheScriptRunsOnceOnANewDatabaseAndNeverAgain()
    {
        using var database = new OwnDatabase();
        using var connection = database.Provider.CreateConnection(database.ConnectionString);
        connection.Open();

        Assert.True(NewDatabaseSchema.TryCreate(connection, database.Provider), "a new database gets the script");
        Assert.True(AppliedMigrations.AreAllIn(connection, database.Provider), "the script records every migration it made");
        Assert.False(NewDatabaseSchema.TryCreate(connection, database.Provider), "a database with a history is left to Migrate()");
    }

    [Fact]
    public async Task TwoInstancesStartedTogetherOnANewDatabaseBothServe()
    {
        using var database = new OwnDatabase();
        using var first = database.App();
        using var second = database.App();

        var answers = await Task.WhenAll(FirstAnswer(first), FirstAnswer(second)).WaitAsync(StartLimit);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(AppliedMigrations.CarriedBy(database.Provider), HistoryOf(database));
    }

    [Fact]
    public async Task AResultIsStoredAndReadBackOnADatabaseMadeByTheScript()
    {
        using var database = new OwnDatabase();
        using var app = database.App();
        using var client = app.CreatePlainClient();

        using var created = await client.PostAsync(
            new Uri("/api/assessments", UriKind.Relative),
            new StringContent(Hostile.ApiHostileInputs.ValidBody, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var read = await client.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    private static Task<HttpStatusCode> FirstAnswer(RateLimitsOffAppFactory app) => Task.Run(async () =>
    {
        using var client = app.CreatePlainClient();
        using var response = await client.GetAsync("/");
        return response.StatusCode;
    });

    private static DbContext DesignTimeContext(string providerName) => providerName == "Sqlite"
        ? new SqliteDesignTimeFactory().CreateDbContext([])
        : new PostgreSqlDesignTimeFactory().CreateDbContext([]);

    /// <summary>Line endings and the EF Core version in the history rows (a patch release changes only that) aside.</summary>
    private static string Comparable(string script) =>
        ProductVersion().Replace(script.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\uFEFF', '\n', ' '), "'<version>')");

    [GeneratedRegex(@"'\d+\.\d+\.\d+[^']*'\)")]
    private static partial Regex ProductVersion();

    /// <summary>Every table, column, index and constraint of the database, as text to compare.</summary>
    private static List<string> SchemaOf(OwnDatabase database)
    {
        // SQLite keeps each object's CREATE statement; PostgreSQL's catalogue describes columns and indexes.
        var query = database.Provider.Name == "Sqlite"
            ? """SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsLock'"""
            : """
              SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '') || ' ' || is_nullable || ' ' || coalesce(column_default, '') || ' ' || coalesce(is_identity, '')
                FROM information_schema.columns WHERE table_schema = current_schema()
              UNION ALL
              SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
              UNION ALL
              SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
              """;
        return [.. Read(database, query).Order(StringComparer.Ordinal)];
    }

    private static List<string> HistoryOf(OwnDatabase database) =>
        Read(database, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """);

    private static List<string> Read(OwnDatabase database, string query)
    {
        using DbConnection connection = database.Provider.CreateConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
