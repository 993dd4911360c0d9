using KneeTriage.Triage.Answers;
using KneeTriage.Web.Data;
using KneeTriage.Web.Pages.Boards;
using KneeTriage.Web.Pages.Results;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeTriage.Web.Submission;

/// <summary>
/// The one owner of a stored result's life, for the form, the result page, /my-results and the
/// API alike: it stores a result (alone, or following an earlier one), deletes one, and keeps the
/// result-page cache in step with both. Nothing else evicts cached result pages, so a new place
/// that stores or deletes a result cannot forget to (a test holds every page and endpoint to it).
/// The same goes for what a board shows (decision 0036): sharing a series with a board, stopping,
/// deleting a board and the retention sweep go through here, and evict the board's cached page.
/// A follow-up or a delete evicts the boards its series is shared with by the series' tag.
/// </summary>
public sealed class StoredResults(
    AssessmentRecorder recorder,
    AssessmentStore store,
    BoardStore boards,
    IOutputCacheStore cache,
    ILogger<StoredResults> logger)
{
    /// <summary>Validates, assesses and stores the answers; with <paramref name="follows"/>, in the earlier result's series.</summary>
    /// <param name="firstAnswer">For a request that may be retried: the answer to keep with the result, in its transaction.</param>
    /// <param name="parts">The form's answers to the yes/no parts it showed, by part id (the form only: the API has none).</param>
    /// <param name="noneFits">The questions answered with the form's "None of these fits" (the form only), read back in its words.</param>
    public async Task<RecordingOutcome> RecordAsync(
        AnswerSet answers,
        IReadOnlyList<string>? unsure,
        FollowUp? follows,
        Func<SavedAssessment, StoredResult, Task<StoredIdempotentAnswer>>? firstAnswer,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, PartAnswer>? parts = null,
        IReadOnlyList<string>? noneFits = null)
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

        var outcome = await recorder.RecordAsync(answers, cancellationToken, seriesKey, unsure, firstAnswer, parts, noneFits);
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

    /// <summary>Shares a series with the board of <paramref name="joinId"/> (see <see cref="BoardStore.ShareAsync"/>); the board's page shows it at once.</summary>
    public async Task<ShareOfSeries?> ShareWithBoardAsync(
        string? joinId,
        string? resultId,
        string? resultKey,
        string displayName,
        bool showResult,
        CancellationToken cancellationToken,
        Func<ShareOfSeries, StoredIdempotentAnswer>? firstAnswer = null)
    {
        var shared = await boards.ShareAsync(joinId, resultId, resultKey, displayName, showResult, cancellationToken, firstAnswer);
        if (shared is not null)
        {
            await cache.EvictByTagAsync(BoardPageCachePolicy.JoinTag(joinId!), cancellationToken);
        }

        return shared;
    }

    /// <summary>Removes a share (see <see cref="BoardStore.StopSharingAsync"/>); its board's page stops showing the athlete at once.</summary>
    public async Task<bool> StopSharingAsync(string? shareId, string? deleteKey, CancellationToken cancellationToken)
    {
        if (await boards.StopSharingAsync(shareId, deleteKey, cancellationToken) is not { } boardId)
        {
            return false;
        }

        await cache.EvictByTagAsync(BoardPageCachePolicy.BoardTag(boardId), cancellationToken);
        return true;
    }

    /// <summary>Deletes a board when the key is its own (see <see cref="BoardStore.DeleteAsync"/>) and forgets its cached page.</summary>
    public async Task<bool> DeleteBoardAsync(string? boardId, string? deleteKey, CancellationToken cancellationToken)
    {
        if (!await boards.DeleteAsync(boardId, deleteKey, cancellationToken))
        {
            return false;
        }

        await cache.EvictByTagAsync(BoardPageCachePolicy.BoardTag(boardId!), cancellationToken);
        return true;
    }

    /// <summary>
    /// After a retention sweep (here or on another instance: each runs its own): expired results,
    /// emptied shares and idle boards leave every cached board page. Result pages need nothing, as
    /// each view asks whether its result still exists.
    /// </summary>
    public async Task AfterRetentionSweepAsync(CancellationToken cancellationToken) =>
        await cache.EvictByTagAsync(BoardPageCachePolicy.EveryBoardTag, cancellationToken);

    private async Task<StoredAssessment?> FindEarlierAsync(FollowUp follows, CancellationToken cancellationToken) => follows switch
    {
        FollowUp.ByKey byKey => await store.FindOwnedAsync(byKey.EarlierToken, byKey.DeleteKey, cancellationToken),
        _ => await store.FindByTokenAsync(follows.EarlierToken, cancellationToken),
    };
}
