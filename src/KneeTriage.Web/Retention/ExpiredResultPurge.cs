using System.Linq.Expressions;
using KneeTriage.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Retention;

/// <summary>
/// Deletes every stored result older than <see cref="RetentionOptions.MaxAge"/> in batches of
/// <see cref="BatchSize"/> found by the CreatedAt index and deleted by primary key, pausing between
/// them so that submissions waiting for the write lock go first and the sweep takes at most a
/// quarter of a busy machine (decisions 0031, 0039 and 0041), each
/// batch with the shares of the series it left with no result; then the coach boards idle for as
/// long (counted from their last share or follow-up; their shares go with them), and the first
/// answers kept for retried requests once they are a day old. Several instances may run it at the same moment: each deletes what is still there, so the
/// outcome is the same as one run.
/// </summary>
public sealed class ExpiredResultPurge(
    KneeTriageDbContext db,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<ExpiredResultPurge> logger)
{
    /// <summary>
    /// Rows per DELETE. Measured at a million results on SQLite (decision 0039): 1,000 rows held the
    /// write lock about 90 ms a statement and raised submission p99 to 300-400 ms during a sweep.
    /// </summary>
    public const int BatchSize = 100;

    /// <summary>The shortest pause between two batches, in real time: the writers queued behind one batch commit before the next.</summary>
    private static readonly TimeSpan BatchPause = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Each pause is at least this many times the batch's own time, so the sweep takes at most a
    /// quarter of the database's and the app's time however slow a batch is on a busy machine.
    /// </summary>
    private const int PauseToWork = 3;

    /// <returns>How many results were deleted.</returns>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.MaxAge;
        var deleted = 0;
        var sharesDeleted = 0;
        List<ExpiredRow> batch;
        do
        {
            var started = time.GetTimestamp();
            // Found by a read (on SQLite a read takes no write lock), then deleted by primary key:
            // the write lock is held for the deletes alone, never for the search.
            batch = await db.Assessments.AsNoTracking()
                .Where(assessment => assessment.CreatedAt < cutoff)
                .OrderBy(assessment => assessment.CreatedAt)
                .Select(assessment => new ExpiredRow(assessment.Id, assessment.SeriesKey))
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count > 0)
            {
                var (results, shares) = await DeleteAsync(batch, cutoff, cancellationToken);
                deleted += results;
                sharesDeleted += shares;
            }

            if (batch.Count == BatchSize)
            {
                var pause = time.GetElapsedTime(started) * PauseToWork;
                await Task.Delay(pause > BatchPause ? pause : BatchPause, cancellationToken);
            }
        }
        while (batch.Count == BatchSize);
        if (deleted > 0)
        {
            logger.LogInformation("Retention purge deleted {Count} results older than {MaxAge}", deleted, options.Value.MaxAge);
        }

        // Shares first rather than left to the cascade, so the outcome never depends on how a connection enforces foreign keys.
        // The search is a read; the deletes go by primary key in batches, each asking the question
        // again for its own rows, so a board that became active meanwhile keeps its shares.
        var idle = OfAnIdleBoard(cutoff);
        var found = await db.Shares.AsNoTracking().Where(idle).Select(share => share.Id).ToListAsync(cancellationToken);
        foreach (var ids in found.Chunk(BatchSize))
        {
            sharesDeleted += await db.Shares.Where(share => ids.Contains(share.Id)).Where(idle).ExecuteDeleteAsync(cancellationToken);
        }

        var idleBoards = await db.Boards.AsNoTracking().Where(board => board.LastActivityAt < cutoff).Select(board => board.Id).ToListAsync(cancellationToken);
        var boardsDeleted = 0;
        foreach (var ids in idleBoards.Chunk(BatchSize))
        {
            boardsDeleted += await db.Boards.Where(board => ids.Contains(board.Id) && board.LastActivityAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }

        if (boardsDeleted > 0 || sharesDeleted > 0)
        {
            logger.LogInformation("Retention purge deleted {Boards} boards idle for {MaxAge} and {Shares} shares", boardsDeleted, options.Value.MaxAge, sharesDeleted);
        }

        // The answers kept for retried requests live a day, whatever Retention:MaxAge says: they hold delete keys.
        var answers = await IdempotentAnswers.PurgeAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
        if (answers > 0)
        {
            logger.LogInformation("Retention purge deleted {Count} answers kept for retried requests", answers);
        }

        return deleted;
    }

    /// <summary>A share whose board has been idle since before the cutoff.</summary>
    private Expression<Func<StoredShare, bool>> OfAnIdleBoard(DateTime cutoff) =>
        share => db.Boards.Any(board => board.Id == share.BoardId && board.LastActivityAt < cutoff);

    /// <summary>
    /// One batch of expired results and, in the same transaction, the shares of the series it left
    /// with no result (an owner's delete does the same for its own series, AssessmentStore). Only the
    /// batch's series are asked about: asking it of every share read every stored result's series
    /// key, 100-550 ms a sweep on PostgreSQL at a million results (decision 0039).
    /// </summary>
    private async Task<(int Results, int Shares)> DeleteAsync(List<ExpiredRow> batch, DateTime cutoff, CancellationToken cancellationToken)
    {
        var ids = batch.Select(row => row.Id).ToList();
        var series = batch.Select(row => row.SeriesKey).Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var results = await db.Assessments
            .Where(assessment => ids.Contains(assessment.Id) && assessment.CreatedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        var shares = await db.Shares
            .Where(share => series.Contains(share.SeriesKey) && !db.Assessments.Any(assessment => assessment.SeriesKey == share.SeriesKey))
            .ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (results, shares);
    }

    private sealed record ExpiredRow(long Id, string SeriesKey);
}
