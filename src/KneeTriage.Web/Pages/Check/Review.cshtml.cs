using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Data;
using KneeTriage.Web.Hosting;
using KneeTriage.Web.MyResults;
using KneeTriage.Web.Questionnaire;
using KneeTriage.Web.ResultPage;
using KneeTriage.Web.Submission;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeTriage.Web.Pages.Check;

/// <summary>"Check your answers": every answer with a Change link, then submit (validate, assess, store, redirect).</summary>
public sealed class ReviewModel(
    KnowledgeBase knowledgeBase,
    QuestionnaireFlow flow,
    DraftCookie drafts,
    AssessmentRecorder recorder,
    AssessmentStore store,
    IOutputCacheStore cache,
    ILogger<ReviewModel> logger) : PageModel
{
    public IReadOnlyList<ReviewSection> Sections { get; private set; } = [];

    public IReadOnlyList<ErrorSummaryItem> ErrorSummary { get; private set; } = [];

    public bool StorageFailed { get; private set; }

    /// <summary>When this check follows an earlier result ("Check again") that still exists: that result's date.</summary>
    public DateTime? FollowsCheckOn { get; private set; }

    public string BackUrl => QuestionnaireFlow.StepUrl(flow.Steps[^1]);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = drafts.Read(Request).Draft;
        if (flow.FirstIncompleteStep(draft) is { } incomplete)
        {
            return new SeeOtherResult(QuestionnaireFlow.StepUrl(incomplete));
        }

        Show(draft);
        FollowsCheckOn = (await EarlierAsync(draft, cancellationToken))?.CreatedAt;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var draft = drafts.Read(Request).Draft;
        if (flow.FirstIncompleteStep(draft) is { } incomplete)
        {
            return new SeeOtherResult(QuestionnaireFlow.StepUrl(incomplete));
        }

        var answers = FormAnswers.ToAnswerSet(knowledgeBase, draft.Values);
        RecordingOutcome outcome;
        StoredAssessment? earlier = null;
        try
        {
            // The draft proves the browser made the earlier result (see QuestionnaireDraft.Follows);
            // deleted since, this check simply starts a series of its own.
            earlier = await EarlierAsync(draft, cancellationToken);
            outcome = await recorder.RecordAsync(answers, cancellationToken, earlier?.SeriesKey);
        }
        catch (Exception exception) when (StorageFailure.Is(exception))
        {
            // The earlier result could not be looked up: the database cannot be reached, so nothing could be stored either.
            logger.LogError(exception, "Could not look up the result a follow-up follows");
            outcome = new Submission.StorageFailed();
        }

        switch (outcome)
        {
            case AssessmentRecorded recorded:
                var token = recorded.Saved.Record.Token;
                if (earlier is not null)
                {
                    // The earlier pages of the series now show this one (the cache also keys on the series).
                    await ResultPageCachePolicy.EvictSeriesAsync(cache, recorded.Saved.Record.SeriesKey, cancellationToken);
                }

                drafts.Clear(Response);
                DeleteKeyCookie.Give(Response, token, recorded.Saved.DeleteKey);
                // So /my-results can list it and a coach's join link can offer it.
                BrowserResultsCookie.Add(Response, new BrowserResult(token, recorded.Saved.DeleteKey));
                return new SeeOtherResult(Url.Page("/Results/Show", new { token }) ?? throw new InvalidOperationException("No page /Results/Show."));
            case AnswersRejected rejected:
                Show(draft);
                FollowsCheckOn = earlier?.CreatedAt;
                ErrorSummary = [.. rejected.Errors.SelectMany(e => e.Value.Select(message => SummaryItem(e.Key, message)))];
                return Page();
            case Submission.StorageFailed:
                // Nothing half-written is left; the draft is kept for a retry.
                Show(draft);
                StorageFailed = true;
                StorageFailureAnswers.SetHeaders(Response);
                return Page();
            default:
                throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}.");
        }
    }

    private async Task<StoredAssessment?> EarlierAsync(QuestionnaireDraft draft, CancellationToken cancellationToken) =>
        draft.Follows is { } follows ? await store.FindByTokenAsync(follows, cancellationToken) : null;

    private ErrorSummaryItem SummaryItem(string questionId, string message)
    {
        var question = knowledgeBase.FindQuestion(questionId);
        if (question is null)
        {
            return new ErrorSummaryItem(message, "#answers");
        }

        var step = flow.Steps[flow.IndexOf(question.Step)];
        return new ErrorSummaryItem($"{question.Text} {message}", $"{QuestionnaireFlow.StepUrl(step, change: true)}#{question.Id}");
    }

    private void Show(QuestionnaireDraft draft)
    {
        var answers = FormAnswers.ToAnswerSet(knowledgeBase, draft.Values);
        Sections = [.. flow.Steps.Select(step => new ReviewSection(
            step.Title,
            [.. step.Questions.Select(q => new ReviewLine(q.Id, q.Text, AnswerDescriptions.Describe(q, answers), $"{QuestionnaireFlow.StepUrl(step, change: true)}#{q.Id}"))]))];
    }
}

public sealed record ReviewSection(string Title, IReadOnlyList<ReviewLine> Lines);

public sealed record ReviewLine(string QuestionId, string Question, string Answer, string ChangeUrl);
