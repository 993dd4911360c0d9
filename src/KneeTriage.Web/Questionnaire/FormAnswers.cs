using System.Globalization;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;
using Microsoft.Extensions.Primitives;

namespace KneeTriage.Web.Questionnaire;

/// <summary>
/// The web form's adapter into answers. It only translates what was typed or ticked; whether an
/// answer fits its question is the shared validator's call, so a typed "abc" for age becomes a
/// <see cref="TextAnswer"/> and the validator says "a whole number from 12 to 100".
/// </summary>
public static class FormAnswers
{
    public const string Yes = "yes";
    public const string No = "no";

    /// <summary>The posted values of a step's questions, trimmed, with empty fields left out.</summary>
    public static Dictionary<string, string[]> ReadStep(QuestionStep step, IFormCollection form)
    {
        var values = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var question in step.Questions)
        {
            if (form.TryGetValue(question.Id, out var posted) && Clean(posted) is { Length: > 0 } cleaned)
            {
                values[question.Id] = cleaned;
            }
        }

        return values;
    }

    /// <summary>
    /// The answer set for raw form values. A follow-up question whose condition no longer holds
    /// (an onset of swelling with no swelling ticked) is dropped: the form asked it only "if" and
    /// the runner's later answer says it does not apply.
    /// </summary>
    public static AnswerSet ToAnswerSet(KnowledgeBase knowledgeBase, IReadOnlyDictionary<string, string[]> raw)
    {
        var answers = AnswerSet.Empty;
        foreach (var (questionId, values) in raw)
        {
            if (knowledgeBase.FindQuestion(questionId) is { } question && ToAnswerValue(question, values) is { } value)
            {
                answers = answers.With(questionId, value);
            }
        }

        foreach (var question in knowledgeBase.Questions)
        {
            if (question.OnlyWhen is { } onlyWhen && answers.ContainsKey(question.Id) && !onlyWhen.When.IsMetBy(answers))
            {
                answers = answers.Without(question.Id);
            }
        }

        return answers;
    }

    public static AnswerValue? ToAnswerValue(Question question, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        if (question.Type == QuestionType.Many)
        {
            return new ListAnswer([.. values]);
        }

        if (values.Count > 1)
        {
            // Only a tampered form sends two values for a single answer; the validator names what is accepted.
            return new ListAnswer([.. values]);
        }

        var value = values[0];
        return question.Type switch
        {
            QuestionType.Integer => decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? NumberAnswer.FromLiteral(number, value)
                : new TextAnswer(value),
            QuestionType.Boolean => value switch
            {
                Yes => new BooleanAnswer(true),
                No => new BooleanAnswer(false),
                _ => new TextAnswer(value),
            },
            _ => new TextAnswer(value),
        };
    }

    private static string[] Clean(StringValues posted) =>
        [.. posted.Select(v => v?.Trim() ?? string.Empty).Where(v => v.Length > 0)];
}
