using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Unsure;

/// <summary>
/// Reads "not sure" (contract v1.2, "Form rules") the cautious way. A yes/no warning question the
/// runner is not sure of is answered yes. A tick-box warning question (calf-signs, foot-signs) the
/// runner is not sure of keeps what was ticked and gains its most cautious option: the one that,
/// added to the other answers, raises the most urgent action under the loaded warning rules (the
/// first in file order when two tie), and only when it raises the action at all. The action, not
/// only the level: within an emergency, calling the emergency number is more urgent than going to
/// an emergency department, so a "not sure" about a cold foot beside a hot knee calls. So "not sure" raises
/// exactly what the most cautious single option would raise, and a rule added to the knowledge base
/// changes which option that is with no change here.
/// </summary>
public static class UnsureAnswers
{
    /// <summary>Yes for every yes/no question listed; what the validator checks, so a required question left out as "not sure" is answered.</summary>
    public static AnswerSet WithCautiousYes(KnowledgeBase knowledgeBase, AnswerSet answers, IEnumerable<string> unsure)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(unsure);
        foreach (var id in unsure)
        {
            if (knowledgeBase.FindQuestion(id) is { Type: QuestionType.Boolean })
            {
                answers = answers.With(id, new BooleanAnswer(true));
            }
        }

        return answers;
    }

    /// <summary>
    /// The answers as assessed and stored: yes for listed yes/no questions, and each listed tick-box
    /// question with its most cautious option added (see the class summary). Run after validation:
    /// an option added here may need a follow-up answer the runner could not give (when a swelling
    /// they are not sure of appeared), which must not turn "not sure" into an error.
    /// </summary>
    public static AnswerSet WithCautiousAnswers(KnowledgeBase knowledgeBase, AnswerSet answers, IReadOnlyCollection<string> unsure)
    {
        answers = WithCautiousYes(knowledgeBase, answers, unsure);
        foreach (var question in knowledgeBase.Questions.Where(q => q.Type == QuestionType.Many && unsure.Contains(q.Id)))
        {
            if (MostCautiousOption(knowledgeBase, answers, question) is { } option)
            {
                answers = answers.With(question.Id, new ListAnswer([.. answers.Choices(question.Id), option]));
            }
        }

        return answers;
    }

    /// <summary>The option not yet ticked that raises the action most, or null when none raises it.</summary>
    public static string? MostCautiousOption(KnowledgeBase knowledgeBase, AnswerSet answers, Question question)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(question);
        var ticked = answers.Choices(question.Id);
        var highest = MostUrgentAction(knowledgeBase, answers);
        string? best = null;
        foreach (var option in question.Options.Where(o => !ticked.Contains(o.Value, StringComparer.Ordinal)))
        {
            var raised = MostUrgentAction(knowledgeBase, answers.With(question.Id, new ListAnswer([.. ticked, option.Value])));
            if (raised > highest)
            {
                highest = raised;
                best = option.Value;
            }
        }

        return best;
    }

    // Dispositions are ordered as their urgency, with the emergency call above the emergency department.
    private static Disposition MostUrgentAction(KnowledgeBase knowledgeBase, AnswerSet answers) =>
        knowledgeBase.WarningRules.Where(rule => rule.When.IsMetBy(answers)).Select(rule => rule.Disposition).DefaultIfEmpty(Disposition.SelfCare).Max();
}
