using System.Globalization;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.Submission;

/// <summary>Puts every answer into words for the "Check your answers" page and the stored result; nothing is left blank.</summary>
public static class AnswerDescriptions
{
    public const string None = "None";
    public const string NotAnswered = "Not answered";
    public const string NotAsked = "Not asked";

    /// <param name="unsure">The warning questions answered "not sure": their lines say so.</param>
    public static IReadOnlyList<AnswerLine> Describe(KnowledgeBase knowledgeBase, AnswerSet answers, IReadOnlyCollection<string>? unsure = null) =>
        [.. knowledgeBase.Questions.Select(question => new AnswerLine
        {
            QuestionId = question.Id,
            StepId = question.Step,
            Question = question.Text,
            Answer = Describe(question, answers),
            Unsure = unsure?.Contains(question.Id) == true,
        })];

    public static string Describe(Question question, AnswerSet answers)
    {
        if (!answers.TryGetValue(question.Id, out var value))
        {
            if (question.OnlyWhen is { } onlyWhen && !onlyWhen.When.IsMetBy(answers))
            {
                return NotAsked;
            }

            return question.Type == QuestionType.Many ? None : NotAnswered;
        }

        return value switch
        {
            NumberAnswer number => question.Unit is { Length: > 0 } unit
                ? $"{number.Value.ToString(CultureInfo.InvariantCulture)} {unit}"
                : number.Value.ToString(CultureInfo.InvariantCulture),
            BooleanAnswer boolean => boolean.Value ? "Yes" : "No",
            TextAnswer text => LabelOf(question, text.Value),
            ListAnswer { Values.Count: 0 } => None,
            ListAnswer list => string.Join("; ", list.Values.Select(v => LabelOf(question, v))),
            ActivitiesAnswer activities => ActivityWords(activities.Scored),
            _ => NotAnswered,
        };
    }

    /// <summary>"run 5 km: 4 out of 10; walk down stairs: 7 out of 10".</summary>
    public static string ActivityWords(IReadOnlyList<ScoredActivity> activities) =>
        activities.Count == 0 ? NotAnswered : string.Join("; ", activities.Select(a => $"{a.Activity}: {a.Score.ToString(CultureInfo.InvariantCulture)} out of 10"));

    private static string LabelOf(Question question, string value) =>
        question.Options.FirstOrDefault(o => o.Value == value)?.Label ?? value;
}
