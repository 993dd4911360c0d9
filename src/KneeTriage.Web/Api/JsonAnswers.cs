using System.Text.Json;
using KneeTriage.Triage.Answers;

namespace KneeTriage.Web.Api;

/// <summary>
/// The JSON API's adapter into answers. It only translates JSON values; whether an answer fits its
/// question is the shared validator's call (so "age": "34" reaches it as text and gets a message
/// saying a whole number is accepted).
/// </summary>
public static class JsonAnswers
{
    /// <summary>Reads the "answers" object; a question id sent twice is reported rather than silently taking one.</summary>
    public static (AnswerSet Answers, Dictionary<string, string[]> Repeated) Read(JsonElement answersObject)
    {
        var answers = AnswerSet.Empty;
        var repeated = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var property in answersObject.EnumerateObject())
        {
            if (answers.ContainsKey(property.Name))
            {
                repeated[property.Name] = ["This question is answered more than once; send each question id once."];
                continue;
            }

            answers = answers.With(property.Name, ToAnswerValue(property.Value));
        }

        return (answers, repeated);
    }

    public static AnswerValue ToAnswerValue(JsonElement value) => value.ValueKind switch
    {
        // The raw literal goes along so 12.0 or 1.2e1 for an integer question is rejected: as a decimal it equals 12.
        JsonValueKind.Number => value.TryGetDecimal(out var number)
            ? NumberAnswer.FromLiteral(number, value.GetRawText())
            : new UnreadableAnswer("a number too large to read"),
        JsonValueKind.True => new BooleanAnswer(true),
        JsonValueKind.False => new BooleanAnswer(false),
        JsonValueKind.String => new TextAnswer(value.GetString() ?? string.Empty),
        JsonValueKind.Array => ToList(value),
        JsonValueKind.Object => new UnreadableAnswer("a JSON object"),
        JsonValueKind.Null => new UnreadableAnswer("null"),
        _ => new UnreadableAnswer($"a JSON {value.ValueKind.ToString().ToLowerInvariant()}"),
    };

    private static AnswerValue ToList(JsonElement array)
    {
        var values = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return new UnreadableAnswer($"a list holding {Describe(item)}; only strings are accepted in a list");
            }

            values.Add(item.GetString() ?? string.Empty);
        }

        return new ListAnswer(values);
    }

    private static string Describe(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => "a value that is not text",
    };
}
