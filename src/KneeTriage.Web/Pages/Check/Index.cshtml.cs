using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Pages.Shared;
using KneeTriage.Web.Questionnaire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace KneeTriage.Web.Pages.Check;

/// <summary>The start page of the symptom check: what it is, what it is not, and a start button.</summary>
public sealed class IndexModel(QuestionnaireFlow flow, DraftCookie drafts, KnowledgeBase knowledgeBase) : PageModel
{
    /// <summary>
    /// The signs that mean "call 999 now" or "go now" rather than use the check, and those that mean
    /// "be seen today" (contract v1.2), as the footer lists them: the same split, the same words.
    /// </summary>
    public IReadOnlyList<FooterWarningLevels.Level> WarningLevels(ViewDataDictionary viewData) => FooterWarningLevels.For(viewData, knowledgeBase);

    public string StartUrl => QuestionnaireFlow.StepUrl(flow.FirstStep);

    public int StepCount => flow.Steps.Count;

    /// <summary>Where to carry on from, when answers were saved earlier; null otherwise.</summary>
    public string? ContinueUrl { get; private set; }

    public void OnGet()
    {
        var draft = drafts.Read(Request).Draft;
        if (draft.CompletedSteps.Count > 0)
        {
            ContinueUrl = flow.FirstIncompleteStep(draft) is { } step ? QuestionnaireFlow.StepUrl(step) : QuestionnaireFlow.ReviewUrl;
        }
    }

    /// <summary>Forgets the saved answers and starts at the first step.</summary>
    public IActionResult OnPostRestart()
    {
        drafts.Clear(Response);
        return new SeeOtherResult(StartUrl);
    }
}
