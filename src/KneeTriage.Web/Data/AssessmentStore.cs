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

    /// <summary>The series this result joins (a follow-up's earlier result's key); null starts a new series.</summary>
    public string? SeriesKey { get; init; }

    /// <summary>What lists show of it (Progress/SeriesSummary); made from the JSON when the caller has none at hand.</summary>
    public string? Summary { get; init; }
}

/// <summary>A stored result and the delete key, which exists only here and in the creator's hands.</summary>
public sealed record SavedAssessment(StoredAssessment Record, string DeleteKey);

/// <summary>
/// The one face of storage that the rest of the app sees: save, find, delete, and "does this result
/// still exist" (asked by the result-page cache on every view). Tokens, times and delete keys are
/// made here rather than by the database, so saves can go through the <see cref="GroupCommitWriter"/>
/// (many inserts, one fsync) when the app runs one; without it (or once it has stopped) a save is its
/// own transaction. Either way SaveAsync returns only once the row is durable. A singleton: each call
/// rents a pooled context for itself, so the output-cache policy can hold it without a request scope.
/// Which database, the writer and the prepared existence check are details of Data/.
/// </summary>
public sealed class AssessmentStore
{
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider time;
    private readonly IStoredTokenLookup? tokens;
    private readonly GroupCommitWriter? writer;

    internal AssessmentStore(IServiceScopeFactory scopes, TimeProvider time, IStoredTokenLookup? tokens = null, GroupCommitWriter? writer = null)
    {
        this.scopes = scopes;
        this.time = time;
        this.tokens = tokens;
        this.writer = writer;
    }

    /// <param name="firstAnswer">
    /// For a request that may be retried (an Idempotency-Key, the form's draft): the answer to keep
    /// for the retry, made from the saved result. It is stored in the result's own transaction (not
    /// through the group commit), so a retry finds both or neither; a second request with the same
    /// key fails on the unique index and stores nothing.
    /// </param>
    public async Task<SavedAssessment> SaveAsync(
        AssessmentToStore assessment,
        CancellationToken cancellationToken,
        Func<SavedAssessment, Task<StoredIdempotentAnswer>>? firstAnswer = null)
    {
        var deleteKey = DeleteKey.Create();
        var now = time.GetUtcNow().UtcDateTime;
        var token = ShareToken.Create();
        var record = new StoredAssessment
        {
            Token = token,
            SeriesKey = assessment.SeriesKey ?? token,
            CreatedAt = StoredTime.WholeSeconds(now),
            KnowledgeBaseVersion = assessment.KnowledgeBaseVersion,
            AnswersJson = assessment.AnswersJson,
            ResultJson = assessment.ResultJson,
            Urgency = assessment.Urgency,
            SeeClinician = assessment.SeeClinician,
            DeleteKeyHash = DeleteKey.Hash(deleteKey),
            Summary = assessment.Summary ?? Progress.SeriesSummary.Of(assessment.ResultJson, assessment.AnswersJson),
        };
        var saved = new SavedAssessment(record, deleteKey);
        if (firstAnswer is null && writer is not null && await writer.TryInsertAsync(record, cancellationToken))
        {
            await TouchBoardsAsync(assessment.SeriesKey, record.CreatedAt, cancellationToken);
            return saved;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
        db.Assessments.Add(record);
        if (firstAnswer is not null)
        {
            db.IdempotentAnswers.Add(await firstAnswer(saved));
        }

        // One transaction: either the whole record (and its kept answer) is there or nothing is.
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(record).State = EntityState.Detached;
        await TouchBoardsAsync(assessment.SeriesKey, record.CreatedAt, cancellationToken);
        return saved;
    }

    /// <summary>
    /// A follow-up in a shared series is activity on every board it is shared with, so retention counts
    /// from it. One UPDATE, and only for follow-ups (a new series is shared with nothing yet). The
    /// result is already durable when this runs, so a failure here is logged, not reported: the caller
    /// would otherwise say "try again" and a retry would store the follow-up twice. The boards keep
    /// their older activity time, and their next share or follow-up moves it on.
    /// </summary>
    private async Task TouchBoardsAsync(string? seriesKey, DateTime now, CancellationToken cancellationToken)
    {
        if (seriesKey is null)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
        try
        {
            // IN over the shares' series index rather than EXISTS per board: a probe, not a walk over every board.
            await db.Boards
                .Where(b => db.Shares.Where(s => s.SeriesKey == seriesKey).Select(s => s.BoardId).Contains(b.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(b => b.LastActivityAt, now), cancellationToken);
        }
        catch (Exception exception) when (StorageFailure.Is(exception))
        {
            scope.ServiceProvider.GetRequiredService<ILogger<AssessmentStore>>()
                .LogWarning(exception, "Stored a follow-up but could not mark its boards active; they keep their older activity time");
        }
    }

    /// <summary>
    /// The stored result, or null when the token is malformed or names nothing (callers answer both the
    /// same). Like every read here, tried once more on a fresh connection when the first meets a
    /// dropped one (a restarted server), so a restart costs no reader a 503.
    /// </summary>
    public async Task<StoredAssessment?> FindByTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ShareToken.IsWellFormed(token))
        {
            return null;
        }

        return await StorageFailure.RetryReadOnceAsync<StoredAssessment?>(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
            return await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Token == token, cancellationToken);
        });
    }

    /// <summary>
    /// The result's series as it is now (which series, how many results, the newest row), or null
    /// when the token is malformed or names nothing. Asked of the database every time, so a
    /// follow-up or a delete through any instance is seen at once.
    /// </summary>
    public async ValueTask<SeriesState?> SeriesStateAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ShareToken.IsWellFormed(token))
        {
            return null;
        }

        if (tokens is not null)
        {
            return await tokens.SeriesStateAsync(token, cancellationToken);
        }

        return await StorageFailure.RetryReadOnceAsync<SeriesState?>(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
            var seriesKey = await db.Assessments.Where(a => a.Token == token).Select(a => a.SeriesKey).SingleOrDefaultAsync(cancellationToken);
            if (seriesKey is null)
            {
                return null;
            }

            var rows = await db.Assessments.Where(a => a.SeriesKey == seriesKey).Select(a => a.Id).ToListAsync(cancellationToken);
            return new SeriesState(seriesKey, rows.Count, rows.Max());
        });
    }

    /// <summary>
    /// The stored result when <paramref name="deleteKey"/> is its key: proof that the caller made it.
    /// Null when the token is malformed, names nothing, or the key is wrong (callers answer all alike).
    /// </summary>
    public async Task<StoredAssessment?> FindOwnedAsync(string? token, string? deleteKey, CancellationToken cancellationToken)
    {
        var record = await FindByTokenAsync(token, cancellationToken);
        return record is not null && DeleteKey.Matches(deleteKey, record.DeleteKeyHash) ? record : null;
    }

    /// <summary>Every stored result of a series, oldest first (a deleted result is simply not there).</summary>
    public async Task<IReadOnlyList<StoredAssessment>> SeriesAsync(string seriesKey, CancellationToken cancellationToken)
    {
        return await StorageFailure.RetryReadOnceAsync<IReadOnlyList<StoredAssessment>>(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
            return await db.Assessments.AsNoTracking()
                .Where(a => a.SeriesKey == seriesKey)
                .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
                .ToListAsync(cancellationToken);
        });
    }

    /// <summary>
    /// The results named by <paramref name="tokens"/> (the ones this browser holds) with their delete-key
    /// hashes, in one query by the unique token index, only the columns a list shows. A token that
    /// names nothing is simply not there; malformed ones are never asked.
    /// </summary>
    public async Task<IReadOnlyList<OwnedListing>> ListAsync(IEnumerable<string> tokens, CancellationToken cancellationToken)
    {
        var wanted = tokens.Where(ShareToken.IsWellFormed).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        return await StorageFailure.RetryReadOnceAsync<IReadOnlyList<OwnedListing>>(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
            return await db.Assessments.AsNoTracking()
                .Where(a => wanted.Contains(a.Token))
                .Select(a => new OwnedListing(
                    new ListedAssessment(
                        a.Token,
                        a.CreatedAt,
                        a.Urgency,
                        a.SeeClinician,
                        a.Summary,
                        a.Summary == null ? a.ResultJson : null,
                        a.Summary == null ? a.AnswersJson : null),
                    a.DeleteKeyHash))
                .ToListAsync(cancellationToken);
        });
    }

    /// <summary>
    /// Deletes the result when the key matches and gives back what was deleted (its series key says
    /// which cached pages changed); null (and nothing changed) otherwise.
    /// </summary>
    public async Task<StoredAssessment?> DeleteOwnedAsync(string? token, string? deleteKey, CancellationToken cancellationToken)
    {
        var record = await FindOwnedAsync(token, deleteKey, cancellationToken);
        if (record is null)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
        var deleted = await db.Assessments.Where(a => a.Id == record.Id).ExecuteDeleteAsync(cancellationToken);
        // The last result of a series gone: its shares go too, so no board keeps even the display name.
        var seriesKey = record.SeriesKey;
        await db.Shares
            .Where(s => s.SeriesKey == seriesKey && !db.Assessments.Any(a => a.SeriesKey == seriesKey))
            .ExecuteDeleteAsync(cancellationToken);
        return deleted == 1 ? record : null;
    }
}
