using System.Data.Common;
using KneeTriage.Triage.Engine;
using KneeTriage.Web.Data;
using KneeTriage.Web.Retention;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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

    [Fact]
    public async Task ASweepAsksOnlyAboutTheSeriesItEmptiedNeverAboutEveryShare()
    {
        // Whether each share's series had a result left was asked of every share, reading every
        // stored result's series key: 100-550 ms a sweep on PostgreSQL at a million results (decision 0039).
        var board = await BoardStoreAt(Now).CreateAsync("Club", CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            var kept = await SaveAtAsync(Now - TimeSpan.FromDays(10));
            await BoardStoreAt(Now).ShareAsync(board.Board.JoinToken, kept.Record.Token, kept.DeleteKey, $"Runner {i}", showResult: false, CancellationToken.None);
        }

        var nothingExpired = new CommandLog();
        await PurgeAsync(nothingExpired);

        Assert.DoesNotContain(nothingExpired.Texts, text => text.Contains("\"Shares\"", StringComparison.Ordinal) && text.Contains("\"Assessments\"", StringComparison.Ordinal));
        await using var db = NewContext();
        Assert.Equal(3, await db.Shares.CountAsync());
    }

    [Fact]
    public async Task ManyIdleSharesGoInShortDeletesOfAtMostOneBatchEach()
    {
        // On SQLite a DELETE holds the one write lock from its first row to its commit: a sweep that
        // deleted every idle share in one statement held up every submission meanwhile (decision 0039).
        var board = await BoardStoreAt(Now - TimeSpan.FromDays(400)).CreateAsync("Idle", CancellationToken.None);
        var shares = (2 * ExpiredResultPurge.BatchSize) + 1;
        for (var i = 0; i < shares; i++)
        {
            var result = await SaveAtAsync(Now - TimeSpan.FromDays(10));
            await BoardStoreAt(Now - TimeSpan.FromDays(400)).ShareAsync(board.Board.JoinToken, result.Record.Token, result.DeleteKey, $"Runner {i}", showResult: false, CancellationToken.None);
        }

        var deletes = new DeleteCounter();
        await PurgeAsync(deletes);

        await using var db = NewContext();
        Assert.Equal(0, await db.Shares.CountAsync());
        Assert.False(await db.Boards.AnyAsync(), "the idle board survived");
        Assert.Equal(shares + 1, deletes.Rows.Sum());
        Assert.All(deletes.Rows, rows => Assert.InRange(rows, 0, ExpiredResultPurge.BatchSize));
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

    private async Task PurgeAsync(params IInterceptor[] interceptors)
    {
        await using var db = database.NewContextWatchedBy(interceptors);
        var purge = new ExpiredResultPurge(db, new FixedTimeProvider(Now), Options.Create(new RetentionOptions { MaxAge = MaxAge }), NullLogger<ExpiredResultPurge>.Instance);
        await purge.PurgeAsync(CancellationToken.None);
    }

    /// <summary>The rows each DELETE statement removed.</summary>
    private sealed class DeleteCounter : DbCommandInterceptor
    {
        public List<int> Rows { get; } = [];

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.TrimStart().StartsWith("DELETE", StringComparison.OrdinalIgnoreCase))
            {
                Rows.Add(result);
            }

            return ValueTask.FromResult(result);
        }
    }

    /// <summary>The text of every command sent.</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<string> Texts { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
