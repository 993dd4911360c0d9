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
}
