using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Engine.Progress;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Clinician;
using KneeTriage.Web.Data;
using KneeTriage.Web.MyResults;
using KneeTriage.Web.Progress;
using KneeTriage.Web.Questionnaire;
using KneeTriage.Web.Submission;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeTriage.Web.Pages.Results;

/// <summary>
/// A stored result at its share link. It shows what was stored, never a recomputation. An unknown
/// and a malformed token get the same 404 page.
/// </summary>
[OutputCache(PolicyName = ResultPageCachePolicy.Name)]
public sealed class ShowModel(
    AssessmentStore store,
    ResultLinks links,
    ResultSeries series,
    DraftCookie drafts,
    KnowledgeBase knowledgeBase,
    StoredResults results) : PageModel
{
    public StoredResult? Result { get; private set; }

    /// <summary>The disposition and bands: as stored, or derived for a result stored before v1.2.</summary>
    public StoredResultReading? Reading { get; private set; }

    /// <summary>Stored before contract v1.2: shown in the words it was stored with, under a dated line.</summary>
    public bool IsEarlierVersion => Result is { ContractVersion: null };

    /// <summary>A reminder to check again in a week, only where the result leaves time for it (walk 12).</summary>
    public bool OffersWeeklyReminder => Reading?.Disposition.LeavesTimeToCheckAgain() == true;

    /// <summary>What the warning signs at the disposition's own level may mean.</summary>
    public IReadOnlyList<string> Why { get; private set; } = [];

    /// <summary>What the warning signs of a lower level may mean: under "also tell the clinician", never beside the action.</summary>
    public IReadOnlyList<string> TellClinician { get; private set; } = [];

    public DateTime CreatedAt { get; private set; }

    /// <summary>The result's token and series, for the owner's board section.</summary>
    public string Token { get; private set; } = string.Empty;

    public string SeriesKey { get; private set; } = string.Empty;

    public string ShareUrl { get; private set; } = string.Empty;

    public HtmlString QrCode { get; private set; } = HtmlString.Empty;

    /// <summary>This browser created the result and holds its delete key: it may delete it and check again.</summary>
    public bool CanDelete { get; private set; }

    /// <summary>The series' checks and what changed, when this result's series holds two or more; null otherwise.</summary>
    public ResultProgress? Progress { get; private set; }

    /// <summary>The one-page summary for a clinician (contract v1.2 "For the clinician"), on every result.</summary>
    public ClinicianSummary? ClinicianSummary { get; private set; }

    /// <summary>The return-to-running plan, only where ReturnToRunningOffer allows it (self-care, no warning sign, no line that says not to run); null otherwise.</summary>
    public ReturnToRunningPlanText? ReturnToRunning { get; private set; }

    /// <summary>The plan's text, for its numbered sources, which the self-care advice cites even when the plan is withheld.</summary>
    public ReturnToRunningPlanText Plan => knowledgeBase.ReturnToRunning;

    /// <summary>The runner has kept running: the plan manages the load instead of starting from walking.</summary>
    public bool StillRunning { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var record = await store.FindByTokenAsync(token, cancellationToken);
        if (record is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Result = StoredResultJson.Deserialize(record.ResultJson);
        var storedAnswers = AnswersJson.Deserialize(record.AnswersJson);
        if (Result.ContractVersion is not null)
        {
            // One phrase per state (AnswerDescriptions): a v1.2 result stored before "Not asked" covered
            // the form's skipped questions says so now; an earlier version's words stay as stored.
            Result = Result with { Answers = AnswerDescriptions.WithSkippedNotAsked(knowledgeBase, Result.Answers, storedAnswers) };
            // An activity score says which end is good, on results stored before it did too.
            Result = Result with { Answers = ActivityFields.WithScaleWords(knowledgeBase, Result.Answers, storedAnswers) };
        }

        // Height and weight in the viewer's units (the page is cached per country), the stored cm and kg beside them.
        Result = Result with { Answers = MeasuredFields.InViewerUnits(knowledgeBase, Result.Answers, storedAnswers, ViewerBodyUnits.Of(HttpContext)) };

        Reading = StoredResultReading.Of(Result, knowledgeBase);
        var level = Reading.Disposition.Level();
        Why = [.. Result.RedFlags.Where(f => f.Urgency == level).Select(f => f.Finding ?? f.Message)];
        TellClinician = [.. Result.RedFlags.Where(f => f.Urgency < level).Select(f => f.Finding ?? f.Message)];
        CreatedAt = record.CreatedAt;
        Token = record.Token;
        SeriesKey = record.SeriesKey;
        // From Site:PublicUrl when set: the page is cached and shown to others, so it must not carry a Host someone sent.
        ShareUrl = links.Absolute(Request, record.Token);
        QrCode = new HtmlString(QrCodeSvg.Render(ShareUrl));
        CanDelete = DeleteKey.Matches(DeleteKeyCookie.Read(Request), record.DeleteKeyHash);
        var loaded = await series.LoadAsync(record, cancellationToken);
        Progress = series.ProgressOf(loaded, record.Token);
        ClinicianSummary = ClinicianSummaryReader.Read(record, Result, Reading, Why, TellClinician, loaded.Records, knowledgeBase);
        // A card that says "do not run" (a torn ligament on a self-care result) takes the plan away: its
        // pain rule and walk-run phases would tell that runner how to run.
        ReturnToRunning = ReturnToRunningOffer.IsOfferedFor(Result.Urgency, Result.RedFlags.Count, Result.TellsNotToRun(knowledgeBase)) ? knowledgeBase.ReturnToRunning : null;
        StillRunning = RunnerStillRunning.Of(Result, knowledgeBase);
        return Page();
    }

    /// <summary>
    /// "Check again": a new check filled in with this result's answers, which joins its series.
    /// Only the browser holding the delete key may start one; otherwise the same 404 as an unknown token.
    /// </summary>
    public async Task<IActionResult> OnPostCheckAgainAsync(string token, CancellationToken cancellationToken)
    {
        var earlier = await store.FindOwnedAsync(token, DeleteKeyCookie.Read(Request), cancellationToken);
        if (earlier is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var draft = CheckAgainDraft.From(knowledgeBase, earlier);
        if (!drafts.Write(Response, draft))
        {
            drafts.Write(Response, CheckAgainDraft.WithoutActivityNames(draft));
        }

        return new SeeOtherResult(QuestionnaireFlow.StepUrl(knowledgeBase.Steps[0]));
    }

    /// <summary>Deletes the result when this browser holds its key; otherwise the same 404 as an unknown token.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string token, CancellationToken cancellationToken)
    {
        // The other pages of its series stop showing it at once (the owner evicts their cached copies).
        if (await results.DeleteAsync(token, DeleteKeyCookie.Read(Request), cancellationToken) is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        DeleteKeyCookie.Remove(Response, token);
        BrowserResultsCookie.Remove(Response, token);
        return new SeeOtherResult(Url.Page("/Results/Deleted") ?? throw new InvalidOperationException("No page /Results/Deleted."));
    }
}
