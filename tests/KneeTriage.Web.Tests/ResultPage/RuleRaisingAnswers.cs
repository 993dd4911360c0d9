using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Knowledge.Criteria;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// An answer set that raises a given warning rule, built from the rule's own criterion on a calm
/// runner, so a test can cover every rule of the loaded knowledge base (rules added later included)
/// without a hand-written runner for each.
/// </summary>
public static class RuleRaisingAnswers
{
    /// <summary>A 35-year-old with a mild, gradual ache and no warning sign.</summary>
    public static AnswerSet Calm { get; } = AnswerSet.From(new Dictionary<string, AnswerValue>
    {
        ["age"] = new NumberAnswer(35),
        ["pain-type"] = new TextAnswer("dull-ache"),
        ["pain-severity"] = new NumberAnswer(3),
        ["pain-location"] = new ListAnswer(["back-center"]),
        ["onset"] = new TextAnswer("gradual"),
        ["duration"] = new TextAnswer("3-to-14-days"),
        ["injury"] = new TextAnswer("none"),
        ["stiffness"] = new TextAnswer("none"),
        ["cannot-bear-weight"] = new BooleanAnswer(false),
        ["fever"] = new BooleanAnswer(false),
        ["hot-red-knee"] = new BooleanAnswer(false),
        ["breathless-or-chest-pain"] = new BooleanAnswer(false),
        ["calf-cramp-on-exertion"] = new BooleanAnswer(false),
        ["deformity"] = new BooleanAnswer(false),
    });

    /// <summary>Calm answers changed until <paramref name="rule"/>'s criterion holds; null when this builder cannot meet it.</summary>
    public static AnswerSet? For(KnowledgeBase knowledgeBase, WarningRule rule)
    {
        var answers = Meet(knowledgeBase, Calm, rule.When);
        if (answers is null)
        {
            return null;
        }

        // swelling-onset goes with swelling, and only with it (the validator's requiredWhen).
        if (answers.Choices("swelling").Count > 0 && answers.Choice("swelling-onset") is null)
        {
            answers = answers.With("swelling-onset", new TextAnswer("gradual"));
        }

        return rule.When.IsMetBy(answers) ? answers : null;
    }

    private static AnswerSet? Meet(KnowledgeBase knowledgeBase, AnswerSet answers, AnswerCriterion criterion)
    {
        switch (criterion)
        {
            case HasCriterion has:
                return Choose(knowledgeBase, answers, has.QuestionId, has.Values[0]);
            case IsTrueCriterion isTrue:
                return answers.With(isTrue.QuestionId, new BooleanAnswer(isTrue.Expected));
            case CountAtLeastCriterion count:
                var options = knowledgeBase.FindQuestion(count.QuestionId)?.Options.Select(o => o.Value).Take(count.Minimum).ToArray() ?? [];
                return options.Length == count.Minimum ? answers.With(count.QuestionId, new ListAnswer(options)) : null;
            case NumberCriterion number:
                var value = number.Comparison switch
                {
                    NumberComparison.Over => number.Threshold + 1,
                    NumberComparison.Under => number.Threshold - 1,
                    _ => number.Threshold,
                };
                return answers.With(number.QuestionId, new NumberAnswer(value));
            case AllCriterion all:
                foreach (var part in all.Parts)
                {
                    answers = Meet(knowledgeBase, answers, part) ?? answers;
                }

                return criterion.IsMetBy(answers) ? answers : null;
            case AnyCriterion any:
                return any.Parts.Select(part => Meet(knowledgeBase, answers, part)).FirstOrDefault(met => met is not null && criterion.IsMetBy(met));
            case NotCriterion not when !not.Part.IsMetBy(answers):
                return answers;
            case NotCriterion { Part: HasCriterion has } when knowledgeBase.FindQuestion(has.QuestionId) is { Type: QuestionType.One } question:
                var other = question.Options.Select(o => o.Value).FirstOrDefault(v => !has.Values.Contains(v));
                return other is null ? null : answers.With(has.QuestionId, new TextAnswer(other));
            default:
                return null;
        }
    }

    private static AnswerSet? Choose(KnowledgeBase knowledgeBase, AnswerSet answers, string questionId, string value) =>
        knowledgeBase.FindQuestion(questionId)?.Type switch
        {
            QuestionType.One => answers.With(questionId, new TextAnswer(value)),
            QuestionType.Many => answers.With(questionId, new ListAnswer([.. answers.Choices(questionId).Append(value).Distinct()])),
            _ => null,
        };
}
