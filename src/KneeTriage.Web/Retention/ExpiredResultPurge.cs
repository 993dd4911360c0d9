using KneeTriage.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Retention;

/// <summary>
/// Deletes every stored result older than <see cref="RetentionOptions.MaxAge"/> in one statement.
/// Several instances may run it at the same moment: each deletes what is still there, so the
/// outcome is the same as one run.
/// </summary>
public sealed class ExpiredResultPurge(
    KneeTriageDbContext db,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<ExpiredResultPurge> logger)
{
    /// <returns>How many results were deleted.</returns>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.MaxAge;
        var deleted = await db.Assessments
            .Where(assessment => assessment.CreatedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Retention purge deleted {Count} results older than {MaxAge}", deleted, options.Value.MaxAge);
        }

        return deleted;
    }
}
