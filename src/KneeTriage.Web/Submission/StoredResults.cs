using KneeTriage.Triage.Answers;
using KneeTriage.Web.Data;
using KneeTriage.Web.Pages.Results;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeTriage.Web.Submission;

/// <summary>
/// The one owner of a stored result's life, for the form, the result page, /my-results and the
/// API alike: it stores a result (alone, or following an earlier one), deletes one, and keeps the
/// result-page cache in step with both. Nothing else evicts cached result pages, so a new place
/// that stores or deletes a result cannot forget to (a test holds every page and endpoint to it).
/// </summary>
public sealed class StoredResults(
    AssessmentRecorder recorder,
    AssessmentStore store,
    IOutputCacheStore cache,
    ILogger<StoredResults> logger)
{
    /// <summary>Validates, assesses and stores the answers; with <paramref name="follows"/>, in the earlier result's series.</summary>
    /// <param name="firstAnswer">For a request that may be retried: the answer to keep with the result, in its transaction.</param>
    public async Task<RecordingOutcome> RecordAsync(
        AnswerSet answers,
        IReadOnlyList<string>? unsure,
        FollowUp? follows,
        Func<SavedAssessment, StoredResult, Task<StoredIdempotentAnswer>>? firstAnswer,
        CancellationToken cancellationToken)
    {
        string? seriesKey = null;
        if (follows is not null)
        {
            StoredAssessment? earlier;
            try
            {
                earlier = await FindEarlierAsync(follows, cancellationToken);
            }
            catch (Exception exception) when (StorageFailure.Is(exception))
            {
                // The database cannot be reached, so nothing could be stored either.
                logger.LogError(exception, "Could not look up the result a follow-up follows");
                return new StorageFailed();
            }

            if (earlier is null && follows is FollowUp.ByKey)
            {
                return new EarlierResultNotFound();
            }

            seriesKey = earlier?.SeriesKey;
        }

        var outcome = await recorder.RecordAsync(answers, cancellationToken, seriesKey, unsure, firstAnswer);
        if (seriesKey is not null && outcome is AssessmentRecorded recorded)
        {
            // The earlier pages of the series now show this one; the cache keys on the series too, so this only frees memory sooner.
            await ResultPageCachePolicy.EvictSeriesAsync(cache, recorded.Saved.Record.SeriesKey, cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// Deletes the result when the key matches and gives back what was deleted; null (and nothing
    /// changed) otherwise. The other pages of its series stop showing it at once.
    /// </summary>
    public async Task<StoredAssessment?> DeleteAsync(string? token, string? deleteKey, CancellationToken cancellationToken)
    {
        if (await store.DeleteOwnedAsync(token, deleteKey, cancellationToken) is not { } deleted)
        {
            return null;
        }

        await ResultPageCachePolicy.EvictSeriesAsync(cache, deleted.SeriesKey, cancellationToken);
        return deleted;
    }

    private async Task<StoredAssessment?> FindEarlierAsync(FollowUp follows, CancellationToken cancellationToken) => follows switch
    {
        FollowUp.ByKey byKey => await store.FindOwnedAsync(byKey.EarlierToken, byKey.DeleteKey, cancellationToken),
        _ => await store.FindByTokenAsync(follows.EarlierToken, cancellationToken),
    };
}
