using System.Linq.Expressions;
using KneeTriage.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Retention;

/// <summary>
/// Deletes every stored result older than <see cref="RetentionOptions.MaxAge"/> in batches of
/// <see cref="BatchSize"/> found by the CreatedAt index and deleted by primary key, pausing between
/// them so that submissions waiting for the write lock go first (decisions 0031 and 0039), then the coach boards idle for as long (counted from their last share or follow-up; their shares
/// go with them), the shares whose series has no result left, and the first answers kept for
/// retried requests once they are a day old. Several instances may run it at the same moment: each deletes what is still there, so the
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

    /// <summary>The pause between two batches, in real time: the writers queued behind one batch commit before the next.</summary>
    private static readonly TimeSpan BatchPause = TimeSpan.FromMilliseconds(10);

    /// <returns>How many results were deleted.</returns>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.MaxAge;
        var deleted = 0;
        List<long> batch;
        do
        {
            // Found by a read (on SQLite a read takes no write lock), then deleted by primary key:
            // the write lock is held for the deletes alone, never for the search.
            batch = await db.Assessments.AsNoTracking()
                .Where(assessment => assessment.CreatedAt < cutoff)
                .OrderBy(assessment => assessment.CreatedAt)
                .Select(assessment => assessment.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count > 0)
            {
                deleted += await db.Assessments
                    .Where(assessment => batch.Contains(assessment.Id) && assessment.CreatedAt < cutoff)
                    .ExecuteDeleteAsync(cancellationToken);
            }

            if (batch.Count == BatchSize)
            {
                await Task.Delay(BatchPause, cancellationToken);
            }
        }
        while (batch.Count == BatchSize);
        if (deleted > 0)
        {
            logger.LogInformation("Retention purge deleted {Count} results older than {MaxAge}", deleted, options.Value.MaxAge);
        }

        // Shares first rather than left to the cascade, so the outcome never depends on how a connection enforces foreign keys.
        // The searches are reads; the deletes go by primary key in batches, each asking the question
        // again for its own rows, so a board that became active meanwhile keeps its shares. Two
        // questions, never one OR of them: PostgreSQL cannot make an anti-join of an OR, and hashed
        // the series key of every stored result instead (a sequential scan, decision 0039).
        var sharesDeleted = 0;
        foreach (var idle in new[] { OfAnIdleBoard(cutoff), WithNoResultLeft() })
        {
            var found = await db.Shares.AsNoTracking().Where(idle).Select(share => share.Id).ToListAsync(cancellationToken);
            foreach (var ids in found.Chunk(BatchSize))
            {
                sharesDeleted += await db.Shares.Where(share => ids.Contains(share.Id)).Where(idle).ExecuteDeleteAsync(cancellationToken);
            }
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

    /// <summary>A share whose series has no stored result left (expired, or deleted by its owner).</summary>
    private Expression<Func<StoredShare, bool>> WithNoResultLeft() =>
        share => !db.Assessments.Any(assessment => assessment.SeriesKey == share.SeriesKey);
}
