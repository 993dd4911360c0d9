using System.Globalization;
using FluentValidation.Results;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Knowledge.Criteria;

namespace KneeTriage.Triage.Validation;

/// <summary>
/// Checks the knowledge base's contradictions (answers that cannot all be true) and reports each one
/// that holds under every question it involves, with its message's placeholders filled in.
/// </summary>
internal sealed class ContradictionCheck(KnowledgeBase knowledgeBase)
{
    private readonly Dictionary<string, Question> _questions = knowledgeBase.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);

    /// <param name="answers">The answers as sent.</param>
    /// <param name="failed">Questions whose answer already has an error: a contradiction involving one is not reported,
    /// so a runner hears "an answer is required" before anything about how it fits the others.</param>
    public IEnumerable<ValidationFailure> Check(AnswerSet answers, IReadOnlySet<string> failed)
    {
        if (knowledgeBase.Contradictions.Count == 0)
        {
            yield break;
        }

        var facts = new AnswerFacts(knowledgeBase.Catalog, answers);
        foreach (var contradiction in knowledgeBase.Contradictions)
        {
            if (contradiction.QuestionIds.Any(failed.Contains) || !contradiction.When.IsMetBy(facts))
            {
                continue;
            }

            var message = Fill(contradiction.Message, answers);
            foreach (var questionId in contradiction.QuestionIds)
            {
                yield return new ValidationFailure(questionId, message, answers.GetValueOrDefault(questionId))
                {
                    ErrorCode = AnswerErrorCodes.Contradiction,
                    CustomState = contradiction,
                };
            }
        }
    }

    private string Fill(string message, AnswerSet answers) =>
        Contradiction.Placeholder().Replace(message, match => Describe(_questions[match.Groups[1].Value], answers.GetValueOrDefault(match.Groups[1].Value)));

    /// <summary>The answer in the runner's words: numbers as given, choices by their labels.</summary>
    private static string Describe(Question question, AnswerValue? value) => value switch
    {
        NumberAnswer number => number.Value.ToString(CultureInfo.InvariantCulture),
        BooleanAnswer boolean => boolean.Value ? "yes" : "no",
        TextAnswer text => Label(question, text.Value),
        // Labels contain commas, so ticked boxes are set apart with semicolons.
        ListAnswer list => string.Join("; ", list.Values.Select(v => Label(question, v))),
        _ => "no answer",
    };

    private static string Label(Question question, string value) =>
        question.Options.FirstOrDefault(o => o.Value == value)?.Label ?? value;
}
