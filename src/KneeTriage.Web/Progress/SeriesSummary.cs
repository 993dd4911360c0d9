using System.Text.Json;
using System.Text.Json.Serialization;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Engine.Progress;
using KneeTriage.Web.Submission;

namespace KneeTriage.Web.Progress;

/// <summary>
/// The few fields of a stored result that a board, a series and /my-results show besides its own
/// columns, written once beside the result (<see cref="Data.StoredAssessment.Summary"/>) so that
/// those lists read a hundred bytes per result instead of parsing its whole JSON. Derived from the
/// stored words and never changed, like the result itself; a result stored before it existed has
/// none and is read from its JSON (decision 0031).
/// </summary>
public sealed record SeriesSummary(
    [property: JsonPropertyName("p")] int? PainSeverity,
    [property: JsonPropertyName("m")] int? PainNextMorning,
    [property: JsonPropertyName("a")] decimal? ActivitiesMean,
    [property: JsonPropertyName("c")] string? TopCause,
    [property: JsonPropertyName("n")] string? TopCauseName,
    [property: JsonPropertyName("b")] CauseBand? TopCauseBand,
    [property: JsonPropertyName("s")] IReadOnlyDictionary<string, int>? ActivityScores = null,
    [property: JsonPropertyName("o")] bool? MadeBeforeProgressQuestions = null)
{
    private static readonly JsonSerializerOptions Options = new(StoredResultJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The summary of a result just computed, as <see cref="SeriesEntry"/> would read it back.</summary>
    /// <remarks>
    /// The activities are kept by key and score (<see cref="SharedActivities.KeyOf"/>, a hash of the
    /// name), so a board compares only the activities scored at both checks without the runner's
    /// words being stored a second time. A summary written before has no keys and is compared by its mean.
    /// </remarks>
    public static string Of(StoredResult result, AnswerSet answers)
    {
        var activities = answers.Activities(CheckComparison.ActivitiesQuestion);
        return JsonSerializer.Serialize(
            new SeriesSummary(
                answers.Integer(SeriesEntry.PainSeverityQuestion),
                answers.Integer(CheckComparison.PainNextMorningQuestion),
                activities is { Count: > 0 } ? ActivitiesAnswer.MeanOf(activities.Select(a => a.Score)) : null,
                result.LikelyCauses is [var top, ..] ? top.Id : null,
                result.LikelyCauses is [var first, ..] ? first.Name : null,
                result.LikelyCauses is [var leading, ..] ? leading.Band : null,
                SharedActivities.ScoresOf(activities),
                // Written only for a result made before contract v1.2, which never asked the two progress questions.
                result.ContractVersion is null ? true : null),
            Options);
    }

    /// <summary>
    /// The summary of stored JSON (a result saved without one), or null when the JSON does not read
    /// as a result: lists then read that JSON as before and meet the same problem there.
    /// </summary>
    public static string? Of(string resultJson, string answersJson)
    {
        try
        {
            return Of(StoredResultJson.Deserialize(resultJson), AnswersJson.Deserialize(answersJson));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static SeriesSummary Read(string json) =>
        JsonSerializer.Deserialize<SeriesSummary>(json, Options) ?? throw new JsonException("A stored summary holds JSON null.");
}
