using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Unsure;
using KneeTriage.Triage.Validation;
using KneeTriage.Web.Data;

namespace KneeTriage.Web.Submission;

/// <summary>What became of a submitted answer set.</summary>
public abstract record RecordingOutcome;

/// <summary>The answers were not accepted; messages keyed by question id say what is. Nothing was stored.</summary>
public sealed record AnswersRejected(IReadOnlyDictionary<string, string[]> Errors) : RecordingOutcome;

public sealed record AssessmentRecorded(SavedAssessment Saved, StoredResult Result) : RecordingOutcome;

/// <summary>
/// The database refused the write (logged here). The insert is one transaction, so nothing
/// half-written is left; the caller says "try again" (the form keeps its draft, the API answers 503).
/// </summary>
public sealed record StorageFailed : RecordingOutcome;

/// <summary>
/// The one path from answers to a stored result, shared by the web form and the JSON API:
/// validate with the shared validator, assess, store.
/// </summary>
public sealed class AssessmentRecorder(
    AnswerSetValidator validator,
    TriageEngine engine,
    AssessmentStore store,
    ILogger<AssessmentRecorder> logger)
{
    /// <param name="seriesKey">The series this result joins (a follow-up: the earlier result's key, which the caller has checked); null starts a new one.</param>
    /// <param name="unsure">The warning questions answered "not sure" (contract v1.2): checked, read the cautious way, and stored with the result.</param>
    /// <param name="firstAnswer">For a request that may be retried: the answer to keep with the result, in its transaction (see AssessmentStore.SaveAsync).</param>
    /// <param name="parts">The form's answers to each yes/no part shown (by part id), kept with the answer lines; null from the API.</param>
    /// <param name="noneFits">The questions the form's "None of these fits" answered (no contract answer), said so in the answer lines; null from the API.</param>
    public async Task<RecordingOutcome> RecordAsync(
        AnswerSet answers,
        CancellationToken cancellationToken,
        string? seriesKey = null,
        IReadOnlyList<string>? unsure = null,
        Func<SavedAssessment, StoredResult, Task<StoredIdempotentAnswer>>? firstAnswer = null,
        IReadOnlyDictionary<string, PartAnswer>? parts = null,
        IReadOnlyList<string>? noneFits = null)
    {
        unsure ??= [];
        var knowledgeBase = engine.KnowledgeBase;
        // "Not sure" on a yes/no question is a yes, so a required one left out as "not sure" is answered.
        var errors = ValidationErrors.ByQuestion(validator.Validate(UnsureAnswers.WithCautiousYes(knowledgeBase, answers, unsure)));
        if (UnsureCheck.Problems(knowledgeBase, answers, unsure) is { Count: > 0 } unsureProblems)
        {
            errors[UnsureCheck.Key] = [.. unsureProblems];
        }

        if (errors.Count > 0)
        {
            return new AnswersRejected(errors);
        }

        // Stored as assessed, so the answers always give back the result they were stored with.
        var given = answers;
        answers = UnsureAnswers.WithCautiousAnswers(knowledgeBase, answers, unsure);
        var assessment = engine.Assess(answers);
        var result = StoredResult.From(assessment, AnswerDescriptions.Describe(knowledgeBase, answers, unsure, parts, given, noneFits)) with
        {
            Unsure = unsure.Count > 0 ? [.. unsure.Distinct(StringComparer.Ordinal)] : null,
        };
        SavedAssessment saved;
        try
        {
            saved = await store.SaveAsync(
                new AssessmentToStore
                {
                    KnowledgeBaseVersion = assessment.KnowledgeBaseVersion,
                    AnswersJson = AnswersJson.Serialize(answers),
                    ResultJson = StoredResultJson.Serialize(result),
                    Urgency = assessment.Urgency,
                    SeeClinician = assessment.SeeClinician,
                    SeriesKey = seriesKey,
                    Summary = Progress.SeriesSummary.Of(result, answers),
                },
                cancellationToken,
                firstAnswer is null ? null : stored => firstAnswer(stored, result));
        }
        catch (Exception exception) when (StorageFailure.Is(exception))
        {
            logger.LogError(exception, "Could not store an assessment");
            return new StorageFailed();
        }

        // Urgency and counts only: answers, tokens and delete keys never go in logs.
        logger.LogInformation(
            "Stored an assessment with urgency {Urgency}, {RedFlagCount} warning signs and {CauseCount} likely causes (follow-up: {IsFollowUp})",
            assessment.Urgency.ToContractId(), assessment.RedFlags.Count, assessment.LikelyCauses.Count, seriesKey is not null);
        return new AssessmentRecorded(saved, result);
    }
}
