using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Questionnaire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages.Check;

/// <summary>
/// Shown at once when an answer raises a sign of <see cref="Level"/> (contract v1.2: emergency red,
/// urgent amber): what to do, the number to call, and every sign of that level. The runner may
/// carry on with the check, but only by choosing to.
/// </summary>
public abstract class InterruptionModel(KnowledgeBase knowledgeBase, QuestionnaireFlow flow, DraftCookie drafts, InterruptingSigns signs) : PageModel
{
    protected abstract Urgency Level { get; }

    public IReadOnlyList<RedFlag> Signs { get; private set; } = [];

    /// <summary>Every sign of this level, not only the ones raised, so the runner can check the rest too.</summary>
    public WarningSignGroup? AllSigns => knowledgeBase.WarningSignsFor(Level);

    public string ChangeUrl => QuestionnaireFlow.StepUrl(flow.FirstStep);

    public IActionResult OnGet()
    {
        var draft = drafts.Read(Request).Draft;
        Signs = signs.Find(FormAnswers.ToAssessedAnswers(knowledgeBase, draft.Values), Level);
        return Signs.Count == 0 ? new SeeOtherResult(ContinueUrl(draft)) : Page();
    }

    /// <summary>The runner has read the advice and chooses to carry on; a higher sign not yet read is shown next.</summary>
    public IActionResult OnPost()
    {
        var read = drafts.Read(Request).Draft;
        var answers = FormAnswers.ToAssessedAnswers(knowledgeBase, read.Values);
        var draft = read with { AcknowledgedEmergencies = [.. read.AcknowledgedEmergencies.Union(signs.RaisedUpTo(answers, Level), StringComparer.Ordinal)] };
        drafts.Write(Response, draft);
        return new SeeOtherResult(signs.FirstUnacknowledged(answers, draft) is { } next ? QuestionnaireFlow.InterruptionUrl(next) : ContinueUrl(draft));
    }

    private string ContinueUrl(QuestionnaireDraft draft) =>
        flow.FirstIncompleteStep(draft) is { } step ? QuestionnaireFlow.StepUrl(step) : QuestionnaireFlow.ReviewUrl;
}

public sealed class EmergencyModel(KnowledgeBase knowledgeBase, QuestionnaireFlow flow, DraftCookie drafts, InterruptingSigns signs)
    : InterruptionModel(knowledgeBase, flow, drafts, signs)
{
    protected override Urgency Level => Urgency.Emergency;
}

public sealed class UrgentModel(KnowledgeBase knowledgeBase, QuestionnaireFlow flow, DraftCookie drafts, InterruptingSigns signs)
    : InterruptionModel(knowledgeBase, flow, drafts, signs)
{
    protected override Urgency Level => Urgency.Urgent;
}
