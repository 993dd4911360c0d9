using KneeTriage.Triage.Engine;
using KneeTriage.Web.Data;
using KneeTriage.Web.Data.Sqlite;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Tests.Data;

/// <summary>
/// The existence check behind every cached result-page view, on a real database file that a
/// second connection (standing in for another app instance) writes to.
/// </summary>
public sealed class StoredTokenLookupTests : IDisposable
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"kt-lookup-{Guid.NewGuid():N}.db");
    private readonly KneeTriageDbContext db;
    private readonly SqliteTokenLookup lookup;
    private readonly TestStore testStore;

    public StoredTokenLookupTests()
    {
        db = NewContext();
        db.Database.Migrate();
        lookup = new SqliteTokenLookup($"Data Source={databasePath}");
        testStore = new TestStore(NewContext, tokens: lookup);
    }

    private SqliteKneeTriageDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteKneeTriageDbContext>().UseSqlite($"Data Source={databasePath}").Options);

    public void Dispose()
    {
        testStore.Dispose();
        lookup.Dispose();
        db.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(databasePath);
    }

    [Fact]
    public async Task AStoredTokenHasASeriesAndAnUnknownOrDifferentlyCasedOneHasNone()
    {
        var saved = await testStore.Store.SaveAsync(Sample(), CancellationToken.None);
        var token = saved.Record.Token;
        var otherCase = new string(token.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());

        Assert.NotNull(lookup.SeriesState(token));
        Assert.Null(lookup.SeriesState(ShareToken.Create()));
        Assert.Null(lookup.SeriesState(otherCase));
        // The store's face asks the same lookup.
        Assert.NotNull(await testStore.Store.SeriesStateAsync(token, CancellationToken.None));
        Assert.Null(await testStore.Store.SeriesStateAsync(otherCase, CancellationToken.None));
    }

    [Fact]
    public async Task ADeleteThroughAnotherConnectionIsSeenOnTheNextLookup()
    {
        var saved = await testStore.Store.SaveAsync(Sample(), CancellationToken.None);
        var token = saved.Record.Token;
        Assert.NotNull(lookup.SeriesState(token));

        Assert.Equal(1, await db.Assessments.Where(a => a.Token == token).ExecuteDeleteAsync());

        // The lookup's connection and prepared statement are reused; it must not answer from the past.
        Assert.Null(lookup.SeriesState(token));
    }

    [Fact]
    public async Task TheSeriesStateChangesWithEveryFollowUpAndDeleteThroughAnotherConnection()
    {
        var first = await testStore.Store.SaveAsync(Sample(), CancellationToken.None);
        var token = first.Record.Token;
        var alone = lookup.SeriesState(token);
        Assert.Equal(new SeriesState(token, 1, alone?.NewestRow ?? -1), alone);
        Assert.Null(lookup.SeriesState(ShareToken.Create()));

        var second = await testStore.Store.SaveAsync(Sample() with { SeriesKey = token }, CancellationToken.None);
        var two = lookup.SeriesState(token);
        Assert.Equal(2, two?.Count);
        Assert.Equal(two, lookup.SeriesState(second.Record.Token));
        Assert.NotEqual(alone?.Version, two?.Version);

        // Delete the newest and add another: the count is back to two, the version must still differ.
        Assert.Equal(1, await db.Assessments.Where(a => a.Token == second.Record.Token).ExecuteDeleteAsync());
        var afterDelete = lookup.SeriesState(token);
        Assert.Equal(1, afterDelete?.Count);
        await testStore.Store.SaveAsync(Sample() with { SeriesKey = token }, CancellationToken.None);
        var replaced = lookup.SeriesState(token);
        Assert.Equal(2, replaced?.Count);
        Assert.NotEqual(two?.Version, replaced?.Version);

        // The store's face asks the same lookup; without one it asks EF Core and agrees.
        Assert.Equal(replaced, await testStore.Store.SeriesStateAsync(token, CancellationToken.None));
        using var plainStore = new TestStore(NewContext);
        Assert.Equal(replaced, await plainStore.Store.SeriesStateAsync(token, CancellationToken.None));
        Assert.Null(await plainStore.Store.SeriesStateAsync("not a token", CancellationToken.None));
    }

    [Fact]
    public void ADatabaseWithoutResultsFailsLoudlyInsteadOfSayingNotFound()
    {
        var emptyPath = Path.Combine(Path.GetTempPath(), $"kt-lookup-empty-{Guid.NewGuid():N}.db");
        try
        {
            using var broken = new SqliteTokenLookup($"Data Source={emptyPath}");
            var error = Assert.Throws<SqliteException>(() => broken.SeriesState(ShareToken.Create()));
            Assert.Contains("Assessments", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(emptyPath);
        }
    }

    private static AssessmentToStore Sample() => new()
    {
        KnowledgeBaseVersion = "kb-1",
        AnswersJson = "{}",
        ResultJson = "{}",
        Urgency = Urgency.SelfCare,
        SeeClinician = false,
    };
}
