using System.Text.Json;
using KneeTriage.Triage.Answers;

namespace KneeTriage.Web.Submission;

/// <summary>Writes a validated answer set in the contract's JSON shape: {"age": 34, "pain-location": ["back-center"], ...}.</summary>
public static class AnswersJson
{
    /// <summary>The fields of an activities entry (contract v1.2 "Types"): {"activity": "run 5 km", "score": 4}.</summary>
    public const string ActivityField = "activity";

    public const string ScoreField = "score";

    public static string Serialize(AnswerSet answers)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (questionId, value) in answers)
            {
                writer.WritePropertyName(questionId);
                switch (value)
                {
                    case NumberAnswer number:
                        writer.WriteNumberValue(number.Value);
                        break;
                    case BooleanAnswer boolean:
                        writer.WriteBooleanValue(boolean.Value);
                        break;
                    case TextAnswer text:
                        writer.WriteStringValue(text.Value);
                        break;
                    case ListAnswer list:
                        writer.WriteStartArray();
                        foreach (var item in list.Values)
                        {
                            writer.WriteStringValue(item);
                        }

                        writer.WriteEndArray();
                        break;
                    case ActivitiesAnswer activities:
                        writer.WriteStartArray();
                        foreach (var entry in activities.Scored)
                        {
                            writer.WriteStartObject();
                            writer.WriteString(ActivityField, entry.Activity);
                            writer.WriteNumber(ScoreField, entry.Score);
                            writer.WriteEndObject();
                        }

                        writer.WriteEndArray();
                        break;
                    default:
                        // Only validated answers are stored; an unreadable one here is a bug upstream.
                        throw new InvalidOperationException($"The answer to '{questionId}' cannot be stored: {value.GetType().Name}.");
                }
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Reads stored answers back (to compare two checks, or to fill a follow-up): what
    /// <see cref="Serialize"/> wrote, so only numbers, booleans, strings and lists of strings.
    /// Anything else, which only a hand-edited row could hold, is left out rather than guessed at.
    /// </summary>
    public static AnswerSet Deserialize(string json)
    {
        using var document = JsonDocument.Parse(json);
        var answers = AnswerSet.Empty;
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return answers;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (ReadValue(property.Value) is not UnreadableAnswer and var value)
            {
                answers = answers.With(property.Name, value);
            }
        }

        return answers;
    }

    /// <summary>
    /// One JSON value as an answer, for the API's body and for stored answers alike. What no question
    /// can take (null, an object, a list holding a number) becomes an <see cref="UnreadableAnswer"/>
    /// that says what was sent, for the validator's message.
    /// </summary>
    public static AnswerValue ReadValue(JsonElement value) => value.ValueKind switch
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
        // A list of objects can only be activities (contract v1.2); the validator says whether the question takes them.
        if (array.GetArrayLength() > 0 && array[0].ValueKind == JsonValueKind.Object)
        {
            return new ActivitiesAnswer([.. array.EnumerateArray().Select(ToActivity)]);
        }

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

    private static ActivityEntry ToActivity(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new ActivityEntry(null, null) { NotAnObject = Describe(item) };
        }

        AnswerValue? activity = null, score = null;
        var others = new List<string>();
        foreach (var property in item.EnumerateObject())
        {
            switch (property.Name)
            {
                case ActivityField when activity is null:
                    activity = ReadValue(property.Value);
                    break;
                case ScoreField when score is null:
                    score = ReadValue(property.Value);
                    break;
                default:
                    others.Add(property.Name);
                    break;
            }
        }

        return new ActivityEntry(activity, score) { OtherFields = others };
    }

    private static string Describe(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "text",
        JsonValueKind.Null => "null",
        _ => "a value that is not text",
    };
}
