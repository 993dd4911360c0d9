using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.Questionnaire;

/// <summary>The order of the steps and the address of each page of the symptom check.</summary>
public sealed class QuestionnaireFlow(KnowledgeBase knowledgeBase)
{
    public const string StartUrl = "/check";
    public const string ReviewUrl = "/check/review";
    public const string EmergencyUrl = "/check/emergency";
    public const string UrgentUrl = "/check/urgent";

    /// <summary>The page that interrupts the check for signs of this level: emergency (red) or urgent (amber).</summary>
    public static string InterruptionUrl(Urgency level) => level == Urgency.Emergency ? EmergencyUrl : UrgentUrl;

    public IReadOnlyList<QuestionStep> Steps => knowledgeBase.Steps;

    public QuestionStep FirstStep => knowledgeBase.Steps[0];

    public int IndexOf(string? stepId)
    {
        for (var i = 0; i < knowledgeBase.Steps.Count; i++)
        {
            if (knowledgeBase.Steps[i].Id == stepId)
            {
                return i;
            }
        }

        return -1;
    }

    public static string StepUrl(QuestionStep step, bool change = false) =>
        change ? $"/check/{step.Id}?change=true" : $"/check/{step.Id}";

    /// <summary>Where a runner goes after saving a step: the next step, or the review page after the last (or when changing an answer).</summary>
    public string NextUrl(int stepIndex, bool change) =>
        change || stepIndex + 1 >= knowledgeBase.Steps.Count ? ReviewUrl : StepUrl(knowledgeBase.Steps[stepIndex + 1]);

    public string BackUrl(int stepIndex, bool change) =>
        change ? ReviewUrl : stepIndex == 0 ? StartUrl : StepUrl(knowledgeBase.Steps[stepIndex - 1]);

    /// <summary>The first step not yet saved, or null when every step has been.</summary>
    public QuestionStep? FirstIncompleteStep(QuestionnaireDraft draft) =>
        knowledgeBase.Steps.FirstOrDefault(step => !draft.HasCompleted(step.Id));
}
