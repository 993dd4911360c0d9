using System.Globalization;
using KneeTriage.Triage.Answers;

namespace KneeTriage.Triage.Validation;

/// <summary>
/// The problems of an activities answer (contract v1.2 "Types"): 1 to 3 entries, each an activity of
/// 1 to 60 characters and a whole-number score from 0 to 10, named by position ("entry 2: score must
/// be 0 to 10"). The activity is the runner's own words, so no message repeats it.
/// </summary>
internal static class ActivitiesCheck
{
    /// <summary>Every problem found, in entry order; empty when the answer is valid.</summary>
    public static IReadOnlyList<string> Problems(ActivitiesAnswer answer)
    {
        if (answer.Entries.Count > ActivitiesAnswer.MaximumEntries)
        {
            return [$"At most {ActivitiesAnswer.MaximumEntries} activities; {answer.Entries.Count.ToString(CultureInfo.InvariantCulture)} were sent."];
        }

        var problems = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < answer.Entries.Count; i++)
        {
            var position = (i + 1).ToString(CultureInfo.InvariantCulture);
            foreach (var problem in EntryProblems(answer.Entries[i]))
            {
                problems.Add($"entry {position}: {problem}.");
            }

            if (answer.Entries[i].Activity is TextAnswer { Value: var activity } && !seen.TryAdd(activity.Trim(), i + 1))
            {
                problems.Add($"entry {position}: the same activity as entry {seen[activity.Trim()].ToString(CultureInfo.InvariantCulture)}; name each activity once.");
            }
        }

        return problems;
    }

    private static IEnumerable<string> EntryProblems(ActivityEntry entry)
    {
        if (entry.NotAnObject is { } sent)
        {
            yield return $"got {sent}; each entry is an object with activity and score";
            yield break;
        }

        foreach (var field in entry.OtherFields)
        {
            yield return $"'{field}' is not a field; an entry has only activity and score";
        }

        if (ActivityProblem(entry.Activity) is { } activityProblem)
        {
            yield return activityProblem;
        }

        if (ScoreProblem(entry.Score) is { } scoreProblem)
        {
            yield return scoreProblem;
        }
    }

    private static string? ActivityProblem(AnswerValue? activity) => activity switch
    {
        null => "activity is missing",
        not TextAnswer => "activity must be text",
        TextAnswer { Value: var text } when string.IsNullOrWhiteSpace(text) => "activity must not be blank",
        TextAnswer { Value: var text } when text.Any(char.IsControl) => "activity must be one line of text",
        TextAnswer { Value: var text } when new StringInfo(text).LengthInTextElements > ActivitiesAnswer.MaximumActivityLength =>
            $"activity must be 1 to {ActivitiesAnswer.MaximumActivityLength} characters (it has {new StringInfo(text).LengthInTextElements.ToString(CultureInfo.InvariantCulture)})",
        _ => null,
    };

    private static string? ScoreProblem(AnswerValue? score) => score switch
    {
        null => "score is missing",
        NumberAnswer { Value: var n } when n != decimal.Truncate(n) => "score must be a whole number",
        NumberAnswer { NonIntegerLiteral: not null } => "score must be written as a whole number, without a decimal point",
        NumberAnswer { Value: < 0 or > ActivitiesAnswer.MaximumScore } => $"score must be 0 to {ActivitiesAnswer.MaximumScore}",
        NumberAnswer => null,
        _ => $"score must be a whole number from 0 to {ActivitiesAnswer.MaximumScore}",
    };
}
