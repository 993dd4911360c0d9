using System.Text.Json;
using KneeTriage.Triage.Answers;

namespace KneeTriage.Web.Submission;

/// <summary>Writes a validated answer set in the contract's JSON shape: {"age": 34, "pain-location": ["back-center"], ...}.</summary>
public static class AnswersJson
{
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
            AnswerValue? value = property.Value.ValueKind switch
            {
                JsonValueKind.Number when property.Value.TryGetDecimal(out var number) => NumberAnswer.FromLiteral(number, property.Value.GetRawText()),
                JsonValueKind.True => new BooleanAnswer(true),
                JsonValueKind.False => new BooleanAnswer(false),
                JsonValueKind.String => new TextAnswer(property.Value.GetString() ?? string.Empty),
                JsonValueKind.Array when property.Value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
                    new ListAnswer([.. property.Value.EnumerateArray().Select(v => v.GetString() ?? string.Empty)]),
                _ => null,
            };
            if (value is not null)
            {
                answers = answers.With(property.Name, value);
            }
        }

        return answers;
    }
}
