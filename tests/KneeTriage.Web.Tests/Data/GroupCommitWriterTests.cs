using KneeTriage.Triage.Engine;
using KneeTriage.Web.Data;
using KneeTriage.Web.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KneeTriage.Web.Tests.Data;

/// <summary>
/// The group-commit writer's hand-built INSERT against the EF model it is built from: every
/// property of a stored result that the writer wrote reads back through EF Core unchanged, and
/// every column the migrations created (but the generated key) is written.
/// </summary>
public sealed class GroupCommitWriterTests : IAsyncLifetime
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"kt-writer-{Guid.NewGuid():N}.db");
    private ServiceProvider services = null!; // Set in InitializeAsync, before any test runs.
    private GroupCommitWriter writer = null!;

    public async Task InitializeAsync()
    {
        var collection = new ServiceCollection();
        var provider = new SqliteStorage();
        provider.AddDbContext(collection, $"Data Source={databasePath}");
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
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }

    [Fact]
    public async Task EveryPropertyTheWriterStoresReadsBackThroughTheModelUnchanged()
    {
        var record = new StoredAssessment
        {
            Token = ShareToken.Create(),
            SeriesKey = ShareToken.Create(),
            CreatedAt = new DateTime(2026, 12, 1, 14, 5, 6, DateTimeKind.Utc),
            KnowledgeBaseVersion = "0123456789ab",
            AnswersJson = "{\"age\":41}",
            ResultJson = "{\"urgency\":\"urgent\"}",
            Urgency = Urgency.Urgent,
            SeeClinician = true,
            DeleteKeyHash = DeleteKey.Hash(DeleteKey.Create()),
        };

        Assert.True(await writer.TryInsertAsync(record, CancellationToken.None));

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
        var stored = await db.Assessments.AsNoTracking().SingleAsync(a => a.Token == record.Token);
        var entity = db.Model.FindEntityType(typeof(StoredAssessment))!;
        foreach (var property in entity.GetProperties().Where(p => p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never))
        {
            var expected = property.PropertyInfo!.GetValue(record);
            var actual = property.PropertyInfo!.GetValue(stored);
            Assert.True(Equals(expected, actual) || (expected is byte[] e && actual is byte[] a && e.SequenceEqual(a)), $"{property.Name}: wrote {expected}, read back {actual}.");
        }

        Assert.Equal(DateTimeKind.Utc, stored.CreatedAt.Kind);
    }

    [Fact]
    public async Task TheInsertWritesEveryColumnTheMigrationsCreatedButTheKey()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
        var insert = AssessmentInsert.For(db);
        var tableColumns = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('Assessments') WHERE name <> 'Id'").ToListAsync();

        Assert.Equal(tableColumns.Order(StringComparer.Ordinal), insert.ColumnNames.Order(StringComparer.Ordinal));
        Assert.StartsWith("INSERT INTO \"Assessments\" (", insert.Sql, StringComparison.Ordinal);
    }
}
