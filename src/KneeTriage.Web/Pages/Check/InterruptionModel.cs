using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Questionnaire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages.Check;

/// <summary>
/// Shown at once when an answer raises a sign of <see cref="Level"/> (contract v1.2: emergency red,
/// urgent amber). It speaks with the result's one voice: the disposition the answers so far give
/// (by the contract's precedence) and that disposition's action from advice.yaml, the very lines
/// the result page leads with, never words of its own. The runner may carry on with the check, but
/// only by choosing to.
/// </summary>
public abstract class InterruptionModel(KnowledgeBase knowledgeBase, QuestionnaireFlow flow, DraftCookie drafts, InterruptingSigns signs) : PageModel
{
    protected abstract Urgency Level { get; }

    /// <summary>Set by <see cref="OnGet"/> before the page renders: the assessment of the answers so far.</summary>
    public Assessment Assessment { get; private set; } = null!;

    public Disposition Disposition => Assessment.Disposition;

    /// <summary>The disposition's action, as the result will lead with it; its first line is the action itself.</summary>
    public IReadOnlyList<string> Action => Assessment.Advice.DoNow;

    /// <summary>What the raised signs of this level may mean, without their own actions (as on the result).</summary>
    public IReadOnlyList<string> Findings => [.. Assessment.RedFlags.Where(flag => flag.Urgency == Level).Select(flag => flag.Finding)];

    /// <summary>The signs that would call for a more pressing action, as the result lists them.</summary>
    public IReadOnlyList<GetHelpGroup> GetHelpIf => Assessment.Advice.GetHelpIf;

    /// <summary>
    /// "I answered by mistake" goes back to the step that holds a warning answer raising this page's
    /// signs, not to step 1: a sign raised on a later step is changed there (issue 22). The earliest
    /// such step when several answers are involved, so none of them is skipped.
    /// </summary>
    public string ChangeUrl => QuestionnaireFlow.StepUrl(flow.Steps
        .Where(step => step.Questions.Any(question => RaisingQuestionIds.Contains(question.Id)))
        .DefaultIfEmpty(flow.FirstStep)
        .First());

    /// <summary>The warning questions that the raised rules of this level test.</summary>
    private HashSet<string> RaisingQuestionIds =>
    [
        .. knowledgeBase.WarningRules
            .Where(rule => rule.Urgency == Level && Assessment.RedFlags.Any(flag => flag.Id == rule.Id))
            .SelectMany(rule => CriterionQuestions.Of(rule.When))
            .Where(knowledgeBase.IsWarningQuestion),
    ];

    public IActionResult OnGet()
    {
        var draft = drafts.Read(Request).Draft;
        Assessment = signs.Assess(FormAnswers.ToAssessedAnswers(knowledgeBase, draft.Values));
        // Only the page of the disposition's own level speaks: an urgent page under an emergency
        // would be a gentler second voice.
        if (Disposition.Level() != Level)
        {
            return new SeeOtherResult(Disposition.Level() >= Urgency.Urgent ? QuestionnaireFlow.InterruptionUrl(Disposition.Level()) : ContinueUrl(draft));
        }

        return Page();
    }

    /// <summary>The runner has read the advice and chooses to carry on: every sign it covers counts as read.</summary>
    public IActionResult OnPost()
    {
        var read = drafts.Read(Request).Draft;
        var answers = FormAnswers.ToAssessedAnswers(knowledgeBase, read.Values);
        var assessment = signs.Assess(answers);
        var covered = assessment.Disposition.Level() <= Level ? InterruptingSigns.Covered(assessment) : [];
        var draft = read with { AcknowledgedEmergencies = [.. read.AcknowledgedEmergencies.Union(covered, StringComparer.Ordinal)] };
        drafts.Write(Response, draft);
        return new SeeOtherResult(signs.Pending(answers, draft) is { } next ? QuestionnaireFlow.InterruptionUrl(next.Level()) : ContinueUrl(draft));
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
    /// <summary>
    /// Said before the runner carries on: the steps ask the emergency signs of a story in the order
    /// that story needs them (a blood thinner after the swelling it bleeds into), so a later answer
    /// can turn this into an emergency, and the check says so at once when it does.
    /// </summary>
    public const string LaterQuestionsMayRaiseIt =
        "The next questions may show that you need help faster than today. If they do, the check will tell you at once.";

    protected override Urgency Level => Urgency.Urgent;
}
