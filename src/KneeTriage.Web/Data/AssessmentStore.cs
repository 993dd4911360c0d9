using KneeTriage.Triage.Engine;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Data;

/// <summary>What the caller hands over to be stored; the store adds the token, the time and the delete key.</summary>
public sealed record AssessmentToStore
{
    public required string KnowledgeBaseVersion { get; init; }
    public required string AnswersJson { get; init; }
    public required string ResultJson { get; init; }
    public required Urgency Urgency { get; init; }
    public required bool SeeClinician { get; init; }
}

/// <summary>A stored result and the delete key, which exists only here and in the creator's hands.</summary>
public sealed record SavedAssessment(StoredAssessment Record, string DeleteKey);

/// <summary>
/// Saves, finds and deletes stored results. Tokens, times and delete keys are made here rather than
/// by the database, so saves can go through the <see cref="GroupCommitWriter"/> (many inserts, one
/// fsync) when the app runs one; without it (or once it has stopped) a save is its own transaction.
/// Either way SaveAsync returns only once the row is durable.
/// </summary>
public sealed class AssessmentStore(KneeTriageDbContext db, TimeProvider time, GroupCommitWriter? writer = null)
{
    public async Task<SavedAssessment> SaveAsync(AssessmentToStore assessment, CancellationToken cancellationToken)
    {
        var deleteKey = DeleteKey.Create();
        var now = time.GetUtcNow().UtcDateTime;
        var record = new StoredAssessment
        {
            Token = ShareToken.Create(),
            CreatedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)),
            KnowledgeBaseVersion = assessment.KnowledgeBaseVersion,
            AnswersJson = assessment.AnswersJson,
            ResultJson = assessment.ResultJson,
            Urgency = assessment.Urgency,
            SeeClinician = assessment.SeeClinician,
            DeleteKeyHash = DeleteKey.Hash(deleteKey),
        };
        if (writer is not null && await writer.TryInsertAsync(record, cancellationToken))
        {
            return new SavedAssessment(record, deleteKey);
        }

        db.Assessments.Add(record);
        // One INSERT in one transaction: either the whole record is there or nothing is.
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(record).State = EntityState.Detached;
        return new SavedAssessment(record, deleteKey);
    }

    /// <summary>The stored result, or null when the token is malformed or names nothing (callers answer both the same).</summary>
    public async Task<StoredAssessment?> FindByTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ShareToken.IsWellFormed(token))
        {
            return null;
        }

        return await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Token == token, cancellationToken);
    }

    /// <summary>Deletes the result when the key matches; false (and nothing changed) otherwise.</summary>
    public async Task<bool> DeleteAsync(string? token, string? deleteKey, CancellationToken cancellationToken)
    {
        var record = await FindByTokenAsync(token, cancellationToken);
        if (record is null || !DeleteKey.Matches(deleteKey, record.DeleteKeyHash))
        {
            return false;
        }

        var deleted = await db.Assessments.Where(a => a.Id == record.Id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 1;
    }
}
