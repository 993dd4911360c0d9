using KneeTriage.Triage.Engine;
using KneeTriage.Web.Data;
using KneeTriage.Web.Data.PostgreSql;
using KneeTriage.Web.Data.Sqlite;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Tests.Data;

/// <summary>Storage:Provider and ConnectionStrings:KneeTriage at start-up, and both providers' migrations run by several instances at once.</summary>
public sealed class StorageProviderTests
{
    private const string Password = "hunter2-not-for-logs";

    [Theory]
    [InlineData("Oracle", null, "Storage:Provider")]
    [InlineData("PostgreSQL", null, "ConnectionStrings:KneeTriage")]
    [InlineData("PostgreSQL", "Host=localhost;Bogus Keyword=1;Password=" + Password, "ConnectionStrings:KneeTriage")]
    [InlineData("Sqlite", "Data Source=x.db;Bogus Keyword=1", "ConnectionStrings:KneeTriage")]
    [InlineData("PostgreSQL", "Host=127.0.0.1;Port=1;Database=kt;Username=kt;Timeout=3;Password=" + Password, "ConnectionStrings:KneeTriage")]
    public void AWrongProviderABadConnectionStringOrAnUnreachableServerStopsStartUpNamingTheSetting(string provider, string? connectionString, string named)
    {
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = provider };
        if (connectionString is not null)
        {
            settings["ConnectionStrings:KneeTriage"] = connectionString;
        }
        else if (provider == "Oracle")
        {
            settings["ConnectionStrings:KneeTriage"] = "Data Source=unused.db";
        }
        else
        {
            // Remove any connection string the test defaults would add.
            settings["ConnectionStrings:KneeTriage"] = null;
        }

        using var app = KneeTriageAppFactory.With(settings);

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var storageError = FindStorageError(error);

        Assert.True(storageError is not null, $"Start-up failed, but not with a storage message: {error}");
        Assert.Contains(named, storageError.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralInstancesMigratingOneSqliteFileAtOnceDoNotRace()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kt-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await MigrateTogetherAsync(StorageProvider.Named("Sqlite"), () => new SqliteKneeTriageDbContext(
                new DbContextOptionsBuilder<SqliteKneeTriageDbContext>().UseSqlite($"Data Source={path}").Options));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    [PostgresFact]
    public async Task SeveralInstancesMigratingOnePostgreSqlDatabaseAtOnceDoNotRace()
    {
        using var database = TestPostgres.CreateDatabase();

        await MigrateTogetherAsync(StorageProvider.Named("PostgreSQL"), () => new PostgreSqlKneeTriageDbContext(
            new DbContextOptionsBuilder<PostgreSqlKneeTriageDbContext>().UseNpgsql(database.ConnectionString).Options));
    }

    [PostgresFact]
    public async Task OnPostgreSqlTheStoreSavesFindsChecksAndDeletes()
    {
        using var database = TestPostgres.CreateDatabase();
        PostgreSqlKneeTriageDbContext NewContext() => new(
            new DbContextOptionsBuilder<PostgreSqlKneeTriageDbContext>().UseNpgsql(database.ConnectionString).Options);
        await using (var db = NewContext())
        {
            await db.Database.MigrateAsync();
        }

        using var lookup = new PostgreSqlTokenLookup(database.ConnectionString);
        using var test = new TestStore(NewContext, tokens: lookup);
        var saved = await test.Store.SaveAsync(new AssessmentToStore
        {
            KnowledgeBaseVersion = "kb-1",
            AnswersJson = "{\"age\":38}",
            ResultJson = "{}",
            Urgency = Urgency.SeeClinician,
            SeeClinician = true,
        }, CancellationToken.None);

        var found = await test.Store.FindByTokenAsync(saved.Record.Token, CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal(Urgency.SeeClinician, found.Urgency);
        Assert.Equal(DateTimeKind.Utc, found.CreatedAt.Kind);
        Assert.Equal(saved.Record.CreatedAt, found.CreatedAt);
        // The series state behind the result-page cache (decision 0017), on PostgreSQL's own query.
        var alone = await test.Store.SeriesStateAsync(saved.Record.Token, CancellationToken.None);
        Assert.Equal(saved.Record.Token, alone?.SeriesKey);
        Assert.Equal(1, alone?.Count);
        var followUp = await test.Store.SaveAsync(new AssessmentToStore
        {
            KnowledgeBaseVersion = "kb-1",
            AnswersJson = "{\"age\":38}",
            ResultJson = "{}",
            Urgency = Urgency.SelfCare,
            SeeClinician = false,
            SeriesKey = saved.Record.Token,
        }, CancellationToken.None);
        var two = await test.Store.SeriesStateAsync(followUp.Record.Token, CancellationToken.None);
        Assert.Equal(2, two?.Count);
        Assert.NotEqual(alone?.Version, two?.Version);
        Assert.Null(await test.Store.SeriesStateAsync(ShareToken.Create(), CancellationToken.None));
        Assert.NotNull(await test.Store.DeleteOwnedAsync(saved.Record.Token, saved.DeleteKey, CancellationToken.None));
        Assert.Null(await test.Store.FindByTokenAsync(saved.Record.Token, CancellationToken.None));
        Assert.Equal(1, (await test.Store.SeriesStateAsync(followUp.Record.Token, CancellationToken.None))?.Count);
    }

    /// <summary>As the app's start-up migrates (the provider's Migrate), in several instances at once.</summary>
    private static async Task MigrateTogetherAsync(StorageProvider provider, Func<KneeTriageDbContext> newContext)
    {
        const int Instances = 4;
        using var start = new Barrier(Instances);
        var migrations = Enumerable.Range(0, Instances).Select(_ => Task.Run(() =>
        {
            using var db = newContext();
            start.SignalAndWait();
            provider.Migrate(db.Database);
        }));

        await Task.WhenAll(migrations);

        await using var check = newContext();
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
        var applied = (await check.Database.GetAppliedMigrationsAsync()).ToList();
        Assert.Equal(check.Database.GetMigrations().ToList(), applied);
        Assert.Equal(0, await check.Assessments.CountAsync());
    }

    private static StorageConfigurationException? FindStorageError(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is StorageConfigurationException storage)
            {
                return storage;
            }

            if (error is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Select(FindStorageError).FirstOrDefault(e => e is not null);
            }
        }

        return null;
    }
}
