using KneeTriage.Triage.Engine;
using KneeTriage.Web.Data;
using KneeTriage.Web.Retention;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Tests.Retention;

public sealed class ExpiredResultPurgeTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    // SQLite in memory, or PostgreSQL in CI's second pass.
    private readonly SuiteDatabase database = new();

    [Fact]
    public async Task AResultOlderThanTheMaximumAgeIsPurgedAndANewerOneStays()
    {
        var old = await SaveAtAsync(Now - TimeSpan.FromDays(366));
        var recent = await SaveAtAsync(Now - TimeSpan.FromDays(364));
        var today = await SaveAtAsync(Now);

        var deleted = await PurgeAtAsync(Now, maxAge: TimeSpan.FromDays(365));

        Assert.Equal(1, deleted);
        Assert.False(await ExistsAsync(old), "a result stored 366 days ago survived a 365-day retention");
        Assert.True(await ExistsAsync(recent), "a result stored 364 days ago was purged early");
        Assert.True(await ExistsAsync(today), "a result stored today was purged");
    }

    [Fact]
    public async Task TheMaximumAgeComesFromConfiguration()
    {
        var eightDaysOld = await SaveAtAsync(Now - TimeSpan.FromDays(8));
        var sixDaysOld = await SaveAtAsync(Now - TimeSpan.FromDays(6));

        await PurgeAtAsync(Now, maxAge: TimeSpan.FromDays(7));

        Assert.False(await ExistsAsync(eightDaysOld), "a result older than Retention:MaxAge survived");
        Assert.True(await ExistsAsync(sixDaysOld), "a result younger than Retention:MaxAge was purged");
    }

    [Fact]
    public async Task PurgingTwiceAsTwoInstancesWouldDeletesNothingMore()
    {
        await SaveAtAsync(Now - TimeSpan.FromDays(400));
        var kept = await SaveAtAsync(Now);

        var first = await PurgeAtAsync(Now, maxAge: TimeSpan.FromDays(365));
        var second = await PurgeAtAsync(Now, maxAge: TimeSpan.FromDays(365));

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        Assert.True(await ExistsAsync(kept));
    }

    [Fact]
    public void TheDefaultRetentionIsAYear()
    {
        Assert.Equal(TimeSpan.FromDays(365), new RetentionOptions().MaxAge);
    }

    [Fact]
    public async Task APurgeOfMoreThanOneBatchDeletesEveryExpiredResultAndKeepsTheRest()
    {
        var now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var expired = new List<string>();
        for (var i = 0; i < (2 * ExpiredResultPurge.BatchSize) + 1; i++)
        {
            expired.Add(await SaveAtAsync(now.AddDays(-400).AddMinutes(i)));
        }

        var kept = await SaveAtAsync(now.AddDays(-10));

        Assert.Equal(expired.Count, await PurgeAtAsync(now, TimeSpan.FromDays(365)));
        Assert.False(await ExistsAsync(expired[^1]));
        Assert.True(await ExistsAsync(kept));
    }

    [Fact]
    public async Task BetweenBatchesTheSweepRestsAtLeastThreeTimesAsLongAsTheBatchTook()
    {
        // Each batch seems to take 150 ms (the clock moves that much at each reading), so each of the
        // two pauses after a full batch lasts at least 450 ms of real time. A sweep that rested a
        // fixed 10 ms took a share of a busy machine that raised submissions' p99 on PostgreSQL
        // (decision 0041).
        var now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < (2 * ExpiredResultPurge.BatchSize) + 1; i++)
        {
            await SaveAtAsync(now.AddDays(-400).AddMinutes(i));
        }

        await using var db = NewContext();
        var purge = new ExpiredResultPurge(
            db,
            new SlowBatchTimeProvider(now, TimeSpan.FromMilliseconds(150)),
            Options.Create(new RetentionOptions { MaxAge = TimeSpan.FromDays(365) }),
            NullLogger<ExpiredResultPurge>.Instance);
        var started = System.Diagnostics.Stopwatch.StartNew();

        Assert.Equal((2 * ExpiredResultPurge.BatchSize) + 1, await purge.PurgeAsync(CancellationToken.None));
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(900), $"two batches that took 150 ms each were followed by {started.Elapsed.TotalMilliseconds:0} ms in all, less than 3 x 150 ms of rest after each");
    }

    public void Dispose() => database.Dispose();

    private KneeTriageDbContext NewContext() => database.NewContext();

    private async Task<string> SaveAtAsync(DateTimeOffset when)
    {
        using var store = new TestStore(NewContext, new FixedTimeProvider(when));
        var saved = await store.Store.SaveAsync(new AssessmentToStore
        {
            KnowledgeBaseVersion = "test",
            AnswersJson = "{}",
            ResultJson = "{}",
            Urgency = Urgency.SelfCare,
            SeeClinician = false,
        }, CancellationToken.None);
        return saved.Record.Token;
    }

    private async Task<int> PurgeAtAsync(DateTimeOffset when, TimeSpan maxAge)
    {
        await using var db = NewContext();
        var purge = new ExpiredResultPurge(
            db,
            new FixedTimeProvider(when),
            Options.Create(new RetentionOptions { MaxAge = maxAge }),
            NullLogger<ExpiredResultPurge>.Instance);
        return await purge.PurgeAsync(CancellationToken.None);
    }

    private async Task<bool> ExistsAsync(string token)
    {
        await using var db = NewContext();
        return await db.Assessments.AnyAsync(a => a.Token == token);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>A fixed date, and a stopwatch that moves <paramref name="step"/> at each reading.</summary>
    private sealed class SlowBatchTimeProvider(DateTimeOffset now, TimeSpan step) : TimeProvider
    {
        private long ticks;

        public override DateTimeOffset GetUtcNow() => now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref ticks, step.Ticks);
    }
}
