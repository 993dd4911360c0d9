using KneeTriage.Triage.Engine;
using KneeTriage.Web.Data;
using KneeTriage.Web.Data.PostgreSql;
using KneeTriage.Web.Data.Sqlite;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Tests.Data;

/// <summary>The store on SQLite in memory (on PostgreSQL in CI's second pass), migrated the way the app migrates its database.</summary>
public sealed class AssessmentStoreTests : IDisposable
{
    // SQLite in memory, or PostgreSQL in CI's second pass.
    private readonly SuiteDatabase database = new();
    private readonly KneeTriageDbContext db;
    private readonly TestStore testStore;
    private readonly AssessmentStore store;

    public AssessmentStoreTests()
    {
        db = NewContext();
        testStore = new TestStore(NewContext);
        store = testStore.Store;
    }

    public void Dispose()
    {
        testStore.Dispose();
        db.Dispose();
        database.Dispose();
    }

    private KneeTriageDbContext NewContext() => database.NewContext();

    private static AssessmentToStore Sample(Urgency urgency = Urgency.Urgent) => new()
    {
        KnowledgeBaseVersion = "kb-1",
        AnswersJson = "{\"age\":38}",
        ResultJson = "{}",
        Urgency = urgency,
        SeeClinician = urgency != Urgency.SelfCare,
    };

    [Fact]
    public void TheMigrationsCaptureEveryChangeToTheModel()
    {
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no SQLite migration captures: run `dotnet ef migrations add <Name> --project src/KneeTriage.Web --context SqliteKneeTriageDbContext --output-dir Data/Migrations/Sqlite` (and the same for PostgreSQL).");
        Assert.Empty(db.Database.GetPendingMigrations());
    }

    [Fact]
    public void ThePostgreSqlMigrationsCaptureEveryChangeToTheModel()
    {
        // Compares the model with the migrations' snapshot: no server needed.
        using var postgres = new PostgreSqlKneeTriageDbContext(
            new DbContextOptionsBuilder<PostgreSqlKneeTriageDbContext>().UseNpgsql("Host=localhost;Database=unused").Options);

        Assert.False(postgres.Database.HasPendingModelChanges(), "The model has changes that no PostgreSQL migration captures: run `dotnet ef migrations add <Name> --project src/KneeTriage.Web --context PostgreSqlKneeTriageDbContext --output-dir Data/Migrations/PostgreSql` (and the same for SQLite).");
        Assert.NotEmpty(postgres.Database.GetMigrations());
    }

    [Fact]
    public async Task ASavedAssessmentIsFoundByItsTokenWithEveryColumn()
    {
        var saved = await store.SaveAsync(Sample(), CancellationToken.None);

        var found = await store.FindByTokenAsync(saved.Record.Token, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal("kb-1", found.KnowledgeBaseVersion);
        Assert.Equal("{\"age\":38}", found.AnswersJson);
        Assert.Equal(Urgency.Urgent, found.Urgency);
        Assert.True(found.SeeClinician);
        Assert.Equal(DateTimeKind.Utc, found.CreatedAt.Kind);
        Assert.InRange(found.CreatedAt, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(32, found.DeleteKeyHash.Length);
        Assert.NotEqual(saved.DeleteKey, Convert.ToBase64String(found.DeleteKeyHash));
    }

    [Fact]
    public async Task TheUrgencyColumnHoldsTheContractId()
    {
        var saved = await store.SaveAsync(Sample(Urgency.SeeClinician), CancellationToken.None);

        var column = await db.Database.SqlQuery<string>($"SELECT \"Urgency\" AS \"Value\" FROM \"Assessments\" WHERE \"Token\" = {saved.Record.Token}").SingleAsync();

        Assert.Equal("see-clinician", column);
    }

    [Fact]
    public async Task TokensAreLongRandomAndUrlSafe()
    {
        var tokens = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            tokens.Add((await store.SaveAsync(Sample(), CancellationToken.None)).Record.Token);
        }

        Assert.Equal(20, tokens.Count);
        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{24}$", t));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("'; DROP TABLE Assessments; --")]
    public async Task AMalformedOrUnknownTokenFindsNothing(string? token)
    {
        await store.SaveAsync(Sample(), CancellationToken.None);

        Assert.Null(await store.FindByTokenAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task DeletingWithTheKeyRemovesTheRow()
    {
        var saved = await store.SaveAsync(Sample(), CancellationToken.None);

        Assert.NotNull(await store.DeleteOwnedAsync(saved.Record.Token, saved.DeleteKey, CancellationToken.None));

        Assert.Equal(0, await db.Assessments.CountAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong")]
    public async Task DeletingWithAWrongKeyKeepsTheRow(string? key)
    {
        var saved = await store.SaveAsync(Sample(), CancellationToken.None);

        Assert.Null(await store.DeleteOwnedAsync(saved.Record.Token, key, CancellationToken.None));

        Assert.Equal(1, await db.Assessments.CountAsync());
    }

    [Fact]
    public async Task AnotherResultsKeyCannotDeleteThisOne()
    {
        var first = await store.SaveAsync(Sample(), CancellationToken.None);
        var second = await store.SaveAsync(Sample(), CancellationToken.None);

        Assert.Null(await store.DeleteOwnedAsync(first.Record.Token, second.DeleteKey, CancellationToken.None));
        Assert.NotNull(await store.FindByTokenAsync(first.Record.Token, CancellationToken.None));
    }

    [Fact]
    public async Task AFollowUpJoinsTheEarlierSeriesAndTheSeriesListsOldestFirst()
    {
        var first = await store.SaveAsync(Sample(Urgency.SeeClinician), CancellationToken.None);
        var unrelated = await store.SaveAsync(Sample(), CancellationToken.None);
        var second = await store.SaveAsync(Sample(Urgency.SelfCare) with { SeriesKey = first.Record.SeriesKey }, CancellationToken.None);

        Assert.Equal(first.Record.Token, first.Record.SeriesKey);
        Assert.NotEqual(first.Record.SeriesKey, unrelated.Record.SeriesKey);
        var series = await store.SeriesAsync(first.Record.SeriesKey, CancellationToken.None);
        Assert.Equal([first.Record.Token, second.Record.Token], series.Select(a => a.Token));
    }

    [Fact]
    public async Task DeletingTheFirstResultOfASeriesLeavesTheRestTogether()
    {
        var first = await store.SaveAsync(Sample(), CancellationToken.None);
        var second = await store.SaveAsync(Sample() with { SeriesKey = first.Record.SeriesKey }, CancellationToken.None);

        Assert.NotNull(await store.DeleteOwnedAsync(first.Record.Token, first.DeleteKey, CancellationToken.None));

        var series = await store.SeriesAsync(first.Record.SeriesKey, CancellationToken.None);
        Assert.Equal([second.Record.Token], series.Select(a => a.Token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-key")]
    public async Task OnlyTheDeleteKeyProvesOwnership(string? key)
    {
        var saved = await store.SaveAsync(Sample(), CancellationToken.None);

        Assert.Null(await store.FindOwnedAsync(saved.Record.Token, key, CancellationToken.None));
        Assert.Equal(saved.Record.Token, (await store.FindOwnedAsync(saved.Record.Token, saved.DeleteKey, CancellationToken.None))?.Token);
    }
}
