using KneeTriage.Triage.Engine;
using KneeTriage.Web.Data;
using KneeTriage.Web.Retention;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Tests.Retention;

/// <summary>Boards follow the results' retention, counted from their last activity; shares go with their board or their last result.</summary>
public sealed class BoardRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(365);

    // SQLite in memory, or PostgreSQL in CI's second pass.
    private readonly SuiteDatabase database = new();

    [Fact]
    public async Task ABoardIdleLongerThanTheMaximumAgeIsDeletedWithItsSharesAndAnActiveOneStays()
    {
        var idle = await BoardStoreAt(Now - TimeSpan.FromDays(400)).CreateAsync("Idle", CancellationToken.None);
        var active = await BoardStoreAt(Now - TimeSpan.FromDays(400)).CreateAsync("Active", CancellationToken.None);
        var result = await SaveAtAsync(Now - TimeSpan.FromDays(10));
        await BoardStoreAt(Now - TimeSpan.FromDays(400)).ShareAsync(idle.Board.JoinToken, result.Record.Token, result.DeleteKey, "Sam", showResult: false, CancellationToken.None);
        // Sharing is activity: the active board was shared with ten days ago.
        await BoardStoreAt(Now - TimeSpan.FromDays(10)).ShareAsync(active.Board.JoinToken, result.Record.Token, result.DeleteKey, "Sam", showResult: false, CancellationToken.None);

        await PurgeAsync();

        await using var db = NewContext();
        Assert.False(await db.Boards.AnyAsync(b => b.Token == idle.Board.Token), "a board idle for 400 days survived a 365-day retention");
        Assert.True(await db.Boards.AnyAsync(b => b.Token == active.Board.Token), "a board shared with 10 days ago was purged");
        Assert.Equal(["Sam"], await db.Shares.Select(s => s.DisplayName).ToListAsync());
        Assert.Equal(1, await db.Shares.CountAsync());
    }

    [Fact]
    public async Task AFollowUpInASharedSeriesKeepsItsBoardAlive()
    {
        var board = await BoardStoreAt(Now - TimeSpan.FromDays(400)).CreateAsync("Club", CancellationToken.None);
        var first = await SaveAtAsync(Now - TimeSpan.FromDays(400));
        await BoardStoreAt(Now - TimeSpan.FromDays(400)).ShareAsync(board.Board.JoinToken, first.Record.Token, first.DeleteKey, "Sam", showResult: false, CancellationToken.None);
        await SaveAtAsync(Now - TimeSpan.FromDays(5), seriesKey: first.Record.SeriesKey);

        await PurgeAsync();

        await using var db = NewContext();
        Assert.True(await db.Boards.AnyAsync(b => b.Token == board.Board.Token), "a board whose athlete checked again 5 days ago was purged");
        Assert.Equal(1, await db.Shares.CountAsync());
    }

    [Fact]
    public async Task AShareWhoseSeriesHasNoResultLeftIsDeleted()
    {
        var board = await BoardStoreAt(Now).CreateAsync("Club", CancellationToken.None);
        var old = await SaveAtAsync(Now - TimeSpan.FromDays(400));
        await BoardStoreAt(Now).ShareAsync(board.Board.JoinToken, old.Record.Token, old.DeleteKey, "Sam", showResult: false, CancellationToken.None);

        await PurgeAsync();

        await using var db = NewContext();
        Assert.False(await db.Assessments.AnyAsync(), "the 400-day-old result survived");
        Assert.Equal(0, await db.Shares.CountAsync());
        Assert.True(await db.Boards.AnyAsync(b => b.Token == board.Board.Token), "a board made today was purged");
    }

    public void Dispose() => database.Dispose();

    private KneeTriageDbContext NewContext() => database.NewContext();

    private BoardStore BoardStoreAt(DateTimeOffset when)
    {
        var services = new ServiceCollection().AddScoped<KneeTriageDbContext>(_ => NewContext()).BuildServiceProvider();
        return new BoardStore(services.GetRequiredService<IServiceScopeFactory>(), new FixedTimeProvider(when));
    }

    private async Task<SavedAssessment> SaveAtAsync(DateTimeOffset when, string? seriesKey = null)
    {
        using var store = new TestStore(NewContext, new FixedTimeProvider(when));
        return await store.Store.SaveAsync(new AssessmentToStore
        {
            KnowledgeBaseVersion = "test",
            AnswersJson = "{}",
            ResultJson = "{}",
            Urgency = Urgency.SelfCare,
            SeeClinician = false,
            SeriesKey = seriesKey,
        }, CancellationToken.None);
    }

    private async Task PurgeAsync()
    {
        await using var db = NewContext();
        var purge = new ExpiredResultPurge(db, new FixedTimeProvider(Now), Options.Create(new RetentionOptions { MaxAge = MaxAge }), NullLogger<ExpiredResultPurge>.Instance);
        await purge.PurgeAsync(CancellationToken.None);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
