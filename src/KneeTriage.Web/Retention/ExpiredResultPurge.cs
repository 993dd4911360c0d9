using KneeTriage.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Retention;

/// <summary>
/// Deletes every stored result older than <see cref="RetentionOptions.MaxAge"/> in batches of
/// <see cref="BatchSize"/> by the CreatedAt index, pausing between them so that submissions waiting
/// for the write lock go first (decision 0031), then the coach boards idle for as long (counted from their last share or follow-up; their shares
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
    /// <summary>Rows per DELETE: short enough that the write lock is held for milliseconds, not the whole sweep.</summary>
    public const int BatchSize = 1000;

    /// <summary>The pause between two batches, in real time: the writers queued behind one batch commit before the next.</summary>
    private static readonly TimeSpan BatchPause = TimeSpan.FromMilliseconds(10);

    /// <returns>How many results were deleted.</returns>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.MaxAge;
        var deleted = 0;
        int batch;
        do
        {
            batch = await db.Assessments
                .Where(assessment => assessment.CreatedAt < cutoff)
                .OrderBy(assessment => assessment.CreatedAt)
                .Take(BatchSize)
                .ExecuteDeleteAsync(cancellationToken);
            deleted += batch;
            if (batch == BatchSize)
            {
                await Task.Delay(BatchPause, cancellationToken);
            }
        }
        while (batch == BatchSize);
        if (deleted > 0)
        {
            logger.LogInformation("Retention purge deleted {Count} results older than {MaxAge}", deleted, options.Value.MaxAge);
        }

        // Shares first rather than left to the cascade, so the outcome never depends on how a connection enforces foreign keys.
        var idleShares = await db.Shares
            .Where(share => db.Boards.Any(board => board.Id == share.BoardId && board.LastActivityAt < cutoff)
                || !db.Assessments.Any(assessment => assessment.SeriesKey == share.SeriesKey))
            .ExecuteDeleteAsync(cancellationToken);
        var idleBoards = await db.Boards.Where(board => board.LastActivityAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (idleBoards > 0 || idleShares > 0)
        {
            logger.LogInformation("Retention purge deleted {Boards} boards idle for {MaxAge} and {Shares} shares", idleBoards, options.Value.MaxAge, idleShares);
        }

        // The answers kept for retried requests live a day, whatever Retention:MaxAge says: they hold delete keys.
        var answers = await IdempotentAnswers.PurgeAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
        if (answers > 0)
        {
            logger.LogInformation("Retention purge deleted {Count} answers kept for retried requests", answers);
        }

        return deleted;
    }
}
