using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Questionnaire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages.Check;

/// <summary>
/// Shown at once when an emergency sign is ticked: call emergency services now. The runner may
/// carry on with the check, but only by choosing to.
/// </summary>
public sealed class EmergencyModel(KnowledgeBase knowledgeBase, QuestionnaireFlow flow, DraftCookie drafts, EmergencySigns emergencySigns) : PageModel
{
    public IReadOnlyList<RedFlag> Signs { get; private set; } = [];

    /// <summary>Every emergency sign, not only the ones raised, so the runner can check the rest too.</summary>
    public WarningSignGroup? AllEmergencySigns => knowledgeBase.WarningSignsFor(Urgency.Emergency);

    public string ChangeUrl => QuestionnaireFlow.StepUrl(flow.FirstStep);

    public IActionResult OnGet()
    {
        var draft = drafts.Read(Request).Draft;
        Signs = emergencySigns.Find(FormAnswers.ToAnswerSet(knowledgeBase, draft.Values));
        return Signs.Count == 0 ? new SeeOtherResult(ContinueUrl(draft)) : Page();
    }

    /// <summary>The runner has read the advice and chooses to carry on.</summary>
    public IActionResult OnPost()
    {
        var read = drafts.Read(Request).Draft;
        var raised = emergencySigns.Find(FormAnswers.ToAnswerSet(knowledgeBase, read.Values)).Select(sign => sign.Id);
        var draft = read with { AcknowledgedEmergencies = [.. read.AcknowledgedEmergencies.Union(raised, StringComparer.Ordinal)] };
        drafts.Write(Response, draft);
        return new SeeOtherResult(ContinueUrl(draft));
    }

    private string ContinueUrl(QuestionnaireDraft draft) =>
        flow.FirstIncompleteStep(draft) is { } step ? QuestionnaireFlow.StepUrl(step) : QuestionnaireFlow.ReviewUrl;
}
