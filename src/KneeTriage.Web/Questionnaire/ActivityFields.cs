using System.Globalization;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Submission;

namespace KneeTriage.Web.Questionnaire;

/// <summary>One row of the activities question as the form draws it: the activity, its score, and last time's score as a hint.</summary>
public sealed record ActivityRow(int Number, string Activity, string Score, string? LastTimeScore)
{
    public string NameField => ActivityFields.Name(Number);

    public string ScoreField => ActivityFields.Score(Number);
}

/// <summary>
/// The form's fields for the activities question (contract v1.2, the Patient-Specific Functional
/// Scale): three rows of an activity and a score. A row left empty is no entry; a row half filled
/// reaches the validator as it is, which names what is missing.
/// </summary>
public static class ActivityFields
{
    public static string Name(int row) => $"activity-{row.ToString(CultureInfo.InvariantCulture)}";

    public static string Score(int row) => $"activity-{row.ToString(CultureInfo.InvariantCulture)}-score";

    public static IEnumerable<int> RowNumbers => Enumerable.Range(1, ActivitiesAnswer.MaximumEntries);

    public static IEnumerable<string> All => RowNumbers.SelectMany(row => new[] { Name(row), Score(row) });

    /// <summary>The answer for the posted rows, or null when every row is empty.</summary>
    public static ActivitiesAnswer? Read(IReadOnlyDictionary<string, string[]> raw)
    {
        var entries = new List<ActivityEntry>();
        foreach (var row in RowNumbers)
        {
            var activity = First(raw, Name(row));
            var score = First(raw, Score(row));
            if (activity is null && score is null)
            {
                continue;
            }

            entries.Add(new ActivityEntry(
                activity is null ? null : new TextAnswer(activity),
                score is null ? null : ScoreValue(score)));
        }

        return entries.Count > 0 ? new ActivitiesAnswer(entries) : null;
    }

    /// <summary>The rows to draw, filled from the posted or carried-over values, with last time's scores as hints.</summary>
    public static IReadOnlyList<ActivityRow> Rows(IReadOnlyDictionary<string, string[]> values, IReadOnlyDictionary<string, string> lastTime) =>
        [.. RowNumbers.Select(row => new ActivityRow(
            row,
            First(values, Name(row)) ?? string.Empty,
            First(values, Score(row)) ?? string.Empty,
            lastTime.GetValueOrDefault(Score(row))))];

    /// <summary>
    /// "Check again" (contract v1.2): each earlier activity is carried over by name into its row and
    /// its score left empty, to be scored afresh; the earlier score is the row's hint.
    /// </summary>
    public static (Dictionary<string, string[]> Values, Dictionary<string, string> LastTime) CarriedOver(IReadOnlyList<ScoredActivity> earlier)
    {
        var values = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var lastTime = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (activity, row) in earlier.Take(ActivitiesAnswer.MaximumEntries).Select((a, i) => (a, i + 1)))
        {
            values[Name(row)] = [activity.Activity];
            lastTime[Score(row)] = $"{activity.Score.ToString(CultureInfo.InvariantCulture)} out of 10";
        }

        return (values, lastTime);
    }

    /// <summary>
    /// A stored result's activities line in today's words: results stored before the scale's words
    /// were read back said "run: 2 out of 10", which beside the pain scores read as pain. Re-read from
    /// the stored answers; every other line is kept as stored.
    /// </summary>
    public static IReadOnlyList<AnswerLine> WithScaleWords(KnowledgeBase knowledgeBase, IReadOnlyList<AnswerLine> lines, AnswerSet stored)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(stored);
        return [.. lines.Select(line => knowledgeBase.FindQuestion(line.QuestionId) is { Type: QuestionType.Activities } question && stored.ContainsKey(question.Id)
            ? line with { Answer = AnswerDescriptions.Describe(question, stored) }
            : line)];
    }

    private static AnswerValue ScoreValue(string score) =>
        decimal.TryParse(score, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? NumberAnswer.FromLiteral(number, score)
            : new TextAnswer(score);

    private static string? First(IReadOnlyDictionary<string, string[]> values, string field) =>
        values.TryGetValue(field, out var posted) && posted is [var first, ..] && first.Length > 0 ? first : null;
}
