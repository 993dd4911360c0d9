using KneeTriage.Triage.Engine.Progress;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Data;
using KneeTriage.Web.Submission;

namespace KneeTriage.Web.Progress;

/// <summary>A result's series, oldest first, with the result itself among them.</summary>
/// <param name="Records">Every stored result of the series, oldest first.</param>
/// <param name="Entries">The same, as the chart and the API show them.</param>
public sealed record LoadedSeries(IReadOnlyList<StoredAssessment> Records, IReadOnlyList<SeriesEntry> Entries)
{
    public StoredAssessment Latest => Records[^1];

    /// <summary>The check before the latest one, when there are two or more.</summary>
    public StoredAssessment? BeforeLatest => Records.Count >= 2 ? Records[^2] : null;
}

/// <summary>
/// Reads a result's series of checks ("check again" makes one): the result page's progress and the
/// API's <c>series</c> both come from here.
/// </summary>
public sealed class ResultSeries(AssessmentStore store, KnowledgeBase knowledgeBase)
{
    public async Task<LoadedSeries> LoadAsync(StoredAssessment record, CancellationToken cancellationToken)
    {
        var records = await store.SeriesAsync(record.SeriesKey, cancellationToken);
        // Read and written at different moments, so the result itself may be missing (deleted just
        // now) or the series may be ahead; the result always belongs to its own series.
        if (!records.Any(r => r.Token == record.Token))
        {
            records = [.. records.Append(record).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)];
        }

        return new LoadedSeries(records, [.. records.Select(SeriesEntry.From)]);
    }

    /// <summary>The progress to show on a result's page, or null when its series holds only itself.</summary>
    public async Task<ResultProgress?> ProgressAsync(StoredAssessment record, CancellationToken cancellationToken) =>
        ProgressOf(await LoadAsync(record, cancellationToken), record.Token);

    /// <summary>The progress of a series already loaded (the result page also reads it for the clinician summary), or null for a series of one.</summary>
    public ResultProgress? ProgressOf(LoadedSeries loaded, string thisToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        if (loaded.BeforeLatest is not { } previous)
        {
            return null;
        }

        // The latest check against the one before, each as it was stored and shown (never recomputed).
        var latest = Checked(loaded.Latest);
        var change = CheckComparison.Compare(Checked(previous), latest, knowledgeBase);
        var words = CheckChangeText.For(change, knowledgeBase.Advice, latest.Assessment.Disposition);
        return new ResultProgress
        {
            Entries = loaded.Entries,
            ThisToken = thisToken,
            Trend = change.Trend,
            GettingWorse = words.GettingWorse,
            Changes = words.Lines,
        };
    }

    private CheckedAnswers Checked(StoredAssessment record) => new(StoredCheck.AnswersOf(record), StoredCheck.AssessmentOf(record, knowledgeBase));

    /// <summary>
    /// A result just stored that follows nothing: its series is itself, so the database is not asked
    /// (a read per submission more than doubled a submission's CPU in bench/run.sh).
    /// </summary>
    public static LoadedSeries Alone(StoredAssessment record, StoredResult result) => new([record], [SeriesEntry.From(record, result)]);

    /// <summary>For a result just stored: its own entry is built from the result in hand.</summary>
    public async Task<LoadedSeries> LoadAsync(StoredAssessment record, StoredResult result, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(record, cancellationToken);
        return loaded with { Entries = [.. loaded.Records.Select(r => r.Token == record.Token ? SeriesEntry.From(r, result) : SeriesEntry.From(r))] };
    }
}
