using KneeTriage.Triage.Engine;
using KneeTriage.Web.Data;
using KneeTriage.Web.Data.PostgreSql;
using KneeTriage.Web.Data.Sqlite;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KneeTriage.Web.Tests.Data;

/// <summary>
/// The group-commit writer's hand-built INSERT against the EF model it is built from: every
/// property of a stored result that the writer wrote reads back through EF Core unchanged, and
/// every column the migrations created (but the generated key) is written. On the suite's storage:
/// a SQLite file, or PostgreSQL in CI's second pass, where the writer sends a batch in one round trip.
/// </summary>
public sealed class GroupCommitWriterTests : IAsyncLifetime
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"kt-writer-{Guid.NewGuid():N}.db");
    private readonly TestPostgresDatabase? postgres = TestPostgres.IsTheSuitesStorage ? TestPostgres.CreateDatabase() : null;
    private ServiceProvider services = null!; // Set in InitializeAsync, before any test runs.
    private GroupCommitWriter writer = null!;

    public async Task InitializeAsync()
    {
        var collection = new ServiceCollection();
        StorageProvider provider = postgres is null ? new SqliteStorage() : new PostgreSqlStorage();
        provider.AddDbContext(collection, postgres?.ConnectionString ?? $"Data Source={databasePath}");
        collection.AddSingleton<StorageProvider>(provider);
        collection.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        collection.AddSingleton<GroupCommitWriter>();
        services = collection.BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>().Database.MigrateAsync();
        }

        writer = services.GetRequiredService<GroupCommitWriter>();
        await writer.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await writer.StopAsync(CancellationToken.None);
        await services.DisposeAsync();
        postgres?.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }

    [Fact]
    public async Task EveryPropertyTheWriterStoresReadsBackThroughTheModelUnchanged()
    {
        var record = Record(Urgency.Urgent, new DateTime(2026, 12, 1, 14, 5, 6, DateTimeKind.Utc));

        Assert.True(await writer.TryInsertAsync(record, CancellationToken.None));

        await AssertStoredUnchangedAsync([record]);
    }

    [Fact]
    public async Task ManyResultsQueuedAtOnceAreEachStoredWholeAndUnchanged()
    {
        // Far more than one group: each group's INSERTs go out together (one round trip on
        // PostgreSQL), so a value bound to the wrong record would show here.
        var urgencies = Enum.GetValues<Urgency>();
        var records = Enumerable.Range(0, 300)
            .Select(i => Record(urgencies[i % urgencies.Length], new DateTime(2026, 12, 1, 14, 0, 0, DateTimeKind.Utc).AddSeconds(i), i))
            .ToList();

        var stored = await Task.WhenAll(records.Select(r => Task.Run(() => writer.TryInsertAsync(r, CancellationToken.None))));

        Assert.All(stored, Assert.True);
        await AssertStoredUnchangedAsync(records);
    }

    private static StoredAssessment Record(Urgency urgency, DateTime createdAt, int n = 0) => new()
    {
        Token = ShareToken.Create(),
        SeriesKey = ShareToken.Create(),
        CreatedAt = createdAt,
        KnowledgeBaseVersion = "0123456789ab",
        AnswersJson = $"{{\"age\":{41 + (n % 40)}}}",
        ResultJson = $"{{\"urgency\":\"{urgency}\",\"n\":{n}}}",
        Urgency = urgency,
        SeeClinician = n % 2 == 0,
        DeleteKeyHash = DeleteKey.Hash(DeleteKey.Create()),
        Summary = n % 3 == 0 ? null : $"summary {n}",
    };

    private async Task AssertStoredUnchangedAsync(List<StoredAssessment> records)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
        var tokens = records.Select(r => r.Token).ToList();
        var stored = await db.Assessments.AsNoTracking().Where(a => tokens.Contains(a.Token)).ToDictionaryAsync(a => a.Token);
        Assert.Equal(records.Count, stored.Count);
        var entity = db.Model.FindEntityType(typeof(StoredAssessment))!;
        var written = entity.GetProperties().Where(p => p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never).ToList();
        foreach (var record in records)
        {
            var back = stored[record.Token];
            foreach (var property in written)
            {
                var expected = property.PropertyInfo!.GetValue(record);
                var actual = property.PropertyInfo!.GetValue(back);
                Assert.True(Equals(expected, actual) || (expected is byte[] e && actual is byte[] a && e.SequenceEqual(a)), $"{property.Name}: wrote {expected}, read back {actual}.");
            }

            Assert.Equal(DateTimeKind.Utc, back.CreatedAt.Kind);
        }
    }

    [Fact]
    public async Task TheInsertWritesEveryColumnTheMigrationsCreatedButTheKey()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
        var insert = AssessmentInsert.For(db);
        var tableColumns = await db.Database.SqlQueryRaw<string>(postgres is null
            ? "SELECT name AS \"Value\" FROM pragma_table_info('Assessments') WHERE name <> 'Id'"
            : "SELECT column_name::text AS \"Value\" FROM information_schema.columns WHERE table_name = 'Assessments' AND column_name <> 'Id'").ToListAsync();

        Assert.Equal(tableColumns.Order(StringComparer.Ordinal), insert.ColumnNames.Order(StringComparer.Ordinal));
        Assert.StartsWith("INSERT INTO \"Assessments\" (", insert.Sql, StringComparison.Ordinal);
    }
}
