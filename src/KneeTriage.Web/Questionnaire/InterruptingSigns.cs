using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;

namespace KneeTriage.Web.Questionnaire;

/// <summary>
/// Decides when the check is interrupted (contract v1.2) and with what: the engine assesses the
/// answers given so far with its own warning rules (so the form never keeps a second, drifting copy
/// of them; absent answers read as "no"), and the interruption speaks with the disposition the
/// result will lead with. A runner is interrupted only when that disposition is more pressing than
/// the one already read: a second page repeating the same action, or a gentler one after it, would
/// be a second voice.
/// </summary>
public sealed class InterruptingSigns(TriageEngine engine)
{
    /// <summary>The assessment of the answers so far: its disposition, action and signs are the interruption's.</summary>
    public Assessment Assess(AnswerSet answersSoFar) => engine.Assess(answersSoFar);

    /// <summary>The ids of every raised sign the interruption for this assessment covers (all of urgent level or above).</summary>
    public static IEnumerable<string> Covered(Assessment assessment) =>
        assessment.RedFlags.Where(flag => flag.Urgency >= Urgency.Urgent).Select(flag => flag.Id);

    /// <summary>The disposition to interrupt with, or null when the runner has already read advice as pressing.</summary>
    public Disposition? Pending(AnswerSet answersSoFar, QuestionnaireDraft draft)
    {
        var assessment = engine.Assess(answersSoFar);
        if (assessment.Disposition.Level() < Urgency.Urgent)
        {
            return null;
        }

        return assessment.Disposition > Acknowledged(assessment, draft) ? assessment.Disposition : null;
    }

    /// <summary>
    /// The warning page's action, after the runner read it and chose to carry on, while its signs are
    /// still reported; null before any warning page (or once its signs were answered away). Its line
    /// is the action as the result will word it (a clot's "a doctor today") when the answers so far
    /// lead there, else the disposition's usual first line.
    /// </summary>
    /// <remarks>
    /// For the check's later pages, from the draft their page model has already read: the answers
    /// are read and assessed only once the runner has passed a warning page.
    /// </remarks>
    public StandingAction? StillStanding(QuestionnaireDraft draft)
    {
        if (draft.AcknowledgedEmergencies.Count == 0)
        {
            return null;
        }

        var assessment = engine.Assess(FormAnswers.ToAssessedAnswers(engine.KnowledgeBase, draft.Values));
        var read = Acknowledged(assessment, draft);
        if (read.Level() < Urgency.Urgent)
        {
            return null;
        }

        var line = assessment.Disposition == read && assessment.Advice.DoNow is [var first, ..]
            ? first
            : engine.KnowledgeBase.Advice.Action[read][0];
        return new StandingAction(read, line);
    }

    /// <summary>
    /// The disposition of the signs the runner has already read advice for and still reports: a
    /// sign read and then answered away no longer counts, so a new one is shown.
    /// </summary>
    private Disposition Acknowledged(Assessment assessment, QuestionnaireDraft draft)
    {
        var read = assessment.RedFlags.Where(flag => draft.AcknowledgedEmergencies.Contains(flag.Id, StringComparer.Ordinal)).ToList();
        if (read.Count == 0)
        {
            return Disposition.SelfCare;
        }

        var calls = engine.KnowledgeBase.WarningRules
            .Any(rule => rule.Urgency == Urgency.Emergency && rule.CallsEmergencyNumber && read.Any(flag => flag.Id == rule.Id));
        return DispositionIds.For(read.Max(flag => flag.Urgency), calls);
    }
}

/// <summary>A warning page's action that still stands on the check's later pages, and its first line.</summary>
public sealed record StandingAction(Disposition Disposition, string ActionLine);
