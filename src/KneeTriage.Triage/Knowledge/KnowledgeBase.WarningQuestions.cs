using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge.Criteria;

namespace KneeTriage.Triage.Knowledge;

public sealed partial class KnowledgeBase
{
    private IReadOnlySet<string>? _warningQuestionIds;

    /// <summary>
    /// The warning questions (contract v1.2, "Form rules"), derived from the loaded rules, never
    /// listed by hand: every yes/no or tick-box question that an urgent or emergency rule's
    /// criterion tests for a sign (yes, a value ticked, a count of ticks), alone or with other
    /// answers. A rule added to warning-rules.yaml makes its questions warning questions with no
    /// other change. Numbers and single choices (age, injury, duration) are the context those signs
    /// are read in, not signs a runner can be unsure of, so they are not warning questions.
    /// </summary>
    public IReadOnlySet<string> WarningQuestionIds => _warningQuestionIds ??= FindWarningQuestions();

    public bool IsWarningQuestion(string questionId) => WarningQuestionIds.Contains(questionId);

    private HashSet<string> FindWarningQuestions()
    {
        var signs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in WarningRules.Where(r => r.Urgency >= Urgency.Urgent))
        {
            CollectSigns(rule.When, negated: false, signs);
        }

        signs.RemoveWhere(id => FindQuestion(id)?.Type is not (QuestionType.Boolean or QuestionType.Many));
        return signs;
    }

    /// <summary>Questions a criterion tests positively: under an even number of nots, for yes, a value or a count.</summary>
    private static void CollectSigns(AnswerCriterion criterion, bool negated, HashSet<string> signs)
    {
        switch (criterion)
        {
            case AllCriterion all:
                all.Parts.ToList().ForEach(part => CollectSigns(part, negated, signs));
                break;
            case AnyCriterion any:
                any.Parts.ToList().ForEach(part => CollectSigns(part, negated, signs));
                break;
            case NotCriterion not:
                CollectSigns(not.Part, !negated, signs);
                break;
            case IsTrueCriterion isTrue when isTrue.Expected != negated:
                signs.Add(isTrue.QuestionId);
                break;
            case HasCriterion has when !negated:
                signs.Add(has.QuestionId);
                break;
            case CountAtLeastCriterion count when !negated && count.Minimum >= 1:
                signs.Add(count.QuestionId);
                break;
        }
    }
}
