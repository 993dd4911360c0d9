using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Unsure;
using KneeTriage.Web.Data;
using KneeTriage.Web.Infrastructure.StorageFailures;
using KneeTriage.Web.MyResults;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Questionnaire;
using KneeTriage.Web.Submission;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages.Check;

/// <summary>"Check your answers": every answer with a Change link, then submit (validate, assess, store, redirect).</summary>
public sealed class ReviewModel(
    KnowledgeBase knowledgeBase,
    QuestionnaireFlow flow,
    DraftCookie drafts,
    StoredResults results,
    AssessmentStore store,
    SubmittedDrafts submitted,
    InterruptingSigns interruptingSigns,
    ILogger<ReviewModel> logger) : PageModel
{
    public IReadOnlyList<ReviewSection> Sections { get; private set; } = [];

    public IReadOnlyList<ErrorSummaryItem> ErrorSummary { get; private set; } = [];

    public bool StorageFailed { get; private set; }

    /// <summary>The draft's id, posted back with the form: a second submit of this page finds the result the first made.</summary>
    public string? DraftId { get; private set; }

    /// <summary>When this check follows an earlier result ("Check again") that still exists: that result's date.</summary>
    public DateTime? FollowsCheckOn { get; private set; }

    public string BackUrl => QuestionnaireFlow.StepUrl(flow.Steps[^1]);

    /// <summary>The action of a warning page the runner carried on past, which this page leads with; null before any.</summary>
    public StandingAction? ActionStillStanding { get; private set; }

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
        // The page's own copy of the draft id first: after the first submit the cookie is gone (another tab, a double tap).
        var draftId = Request.Form.TryGetValue("draft", out var posted) && ShareToken.IsWellFormed(posted.ToString()) ? posted.ToString() : draft.Id;
        SubmittedDraft? made = null;
        try
        {
            made = await submitted.FindAsync(draftId, cancellationToken);
        }
        catch (Exception exception) when (StorageFailure.Is(exception))
        {
            // Not known whether it was stored; the submit below fails the same way and keeps the answers.
            logger.LogWarning(exception, "Could not look up whether this draft was already submitted");
        }

        if (made is not null)
        {
            return ShowResult(made);
        }

        if (flow.FirstIncompleteStep(draft) is { } incomplete)
        {
            return new SeeOtherResult(QuestionnaireFlow.StepUrl(incomplete));
        }

        var reading = FormAnswers.Read(knowledgeBase, draft.Values);
        // The draft proves the browser made the earlier result (see QuestionnaireDraft.Follows);
        // deleted since, this check simply starts a series of its own.
        var outcome = await results.RecordAsync(
            reading.Answers,
            reading.Unsure,
            draft.Follows is { } follows ? FollowUp.ProvenByDraft(follows) : null,
            draftId is null ? null : (saved, _) => Task.FromResult(submitted.Keep(draftId, saved)),
            cancellationToken,
            reading.Parts,
            reading.NoneFits);
        switch (outcome)
        {
            case AssessmentRecorded recorded:
                return ShowResult(new SubmittedDraft(recorded.Saved.Record.Token, recorded.Saved.DeleteKey));
            case AnswersRejected rejected:
                Show(draft);
                FollowsCheckOn = (await EarlierAsync(draft, cancellationToken))?.CreatedAt;
                ErrorSummary = [.. rejected.Errors.SelectMany(e => e.Value.Select(message => SummaryItem(e.Key, message)))];
                return Page();
            case Submission.StorageFailed:
                // The same draft submitted at the same moment (a double tap) stored the one result: show it.
                if (await MadeMeanwhileAsync(draftId, cancellationToken) is { } winner)
                {
                    return ShowResult(winner);
                }

                // Nothing half-written is left; the draft is kept for a retry.
                Show(draft);
                StorageFailed = true;
                StorageFailureAnswers.SetHeaders(Response);
                return Page();
            default:
                throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}.");
        }
    }

    /// <summary>Clears the draft, gives this browser the result's delete key and sends it to the result.</summary>
    private SeeOtherResult ShowResult(SubmittedDraft made)
    {
        drafts.Clear(Response);
        DeleteKeyCookie.Give(Response, made.Token, made.DeleteKey);
        // So /my-results can list it and a coach's join link can offer it.
        BrowserResultsCookie.Add(Response, new BrowserResult(made.Token, made.DeleteKey));
        return new SeeOtherResult(Url.Page("/Results/Show", new { token = made.Token }) ?? throw new InvalidOperationException("No page /Results/Show."));
    }

    private async Task<SubmittedDraft?> MadeMeanwhileAsync(string? draftId, CancellationToken cancellationToken)
    {
        try
        {
            return await submitted.FindAsync(draftId, cancellationToken);
        }
        catch (Exception exception) when (StorageFailure.Is(exception))
        {
            return null;
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
        return new ErrorSummaryItem($"{question.Text} {message}", $"{QuestionnaireFlow.StepUrl(step, change: true)}#{FirstFieldId(question, ViewerBodyUnits.Of(HttpContext))}");
    }

    private void Show(QuestionnaireDraft draft)
    {
        DraftId = draft.Id;
        ActionStillStanding = interruptingSigns.StillStanding(draft);
        var reading = FormAnswers.Read(knowledgeBase, draft.Values);
        var assessed = UnsureAnswers.WithCautiousAnswers(knowledgeBase, reading.Answers, reading.Unsure);
        var units = ViewerBodyUnits.Of(HttpContext);
        Sections = [.. flow.Steps.Select(step => new ReviewSection(
            step.Title,
            [.. step.Questions.Where(q => FormAnswers.IsShown(q, reading.Answers) || reading.Answers.ContainsKey(q.Id)).SelectMany(q => Lines(step, q, reading, assessed, units))]))];
    }

    /// <summary>
    /// A question as the form asked it: one line, or one per part shown; "not sure" says how it was
    /// read (yes, or the tick-box option read in its place).
    /// </summary>
    /// <param name="units">The viewer's units: a height and a weight read back in them (as they were asked).</param>
    private static IEnumerable<ReviewLine> Lines(QuestionStep step, Question question, FormReading reading, AnswerSet assessed, BodyUnits units)
    {
        var changeUrl = QuestionnaireFlow.StepUrl(step, change: true);
        if (question.Parts.Count > 0)
        {
            foreach (var part in question.Parts.Where(p => FormAnswers.IsShown(p, reading.Answers)))
            {
                // The same words the stored result keeps for the part: a "not sure" that the answer
                // rests on says which way it was read ("no" for "Can you take four steps?").
                var answer = reading.Parts.TryGetValue(part.Id, out var given)
                    ? PartAnswerWords.AsAsked(given, part.SignWhen, notSureReadAsSign: reading.Unsure.Contains(question.Id))
                    : AnswerDescriptions.NotAnswered;
                yield return new ReviewLine(part.Id, part.Text, answer, $"{changeUrl}#{part.Id}");
            }

            yield break;
        }

        var text = reading.Unsure.Contains(question.Id)
            ? AnswerDescriptions.NotSure(question, reading.Answers, assessed)
            : MeasuredFields.IsMeasured(question) && reading.Answers.GetValueOrDefault(question.Id) is NumberAnswer number
                ? MeasuredFields.InWords(question, number.Value, units)
                : AnswerDescriptions.Describe(question, reading.Answers, choseNoneFits: reading.NoneFits.Contains(question.Id, StringComparer.Ordinal));

        yield return new ReviewLine(question.Id, question.Text, text, $"{changeUrl}#{FirstFieldId(question, units)}");
    }

    /// <summary>Where a Change link lands: the question's first field as the step draws it for these units.</summary>
    private static string FirstFieldId(Question question, BodyUnits units) =>
        MeasuredFields.IsMeasured(question) ? MeasuredFields.FirstFieldId(question, units) : FormAnswers.FieldNames(question).First();
}

public sealed record ReviewSection(string Title, IReadOnlyList<ReviewLine> Lines);

public sealed record ReviewLine(string QuestionId, string Question, string Answer, string ChangeUrl);
