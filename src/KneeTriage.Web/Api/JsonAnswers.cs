using System.Text.Json;
using KneeTriage.Triage.Answers;
using KneeTriage.Web.Submission;

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

            answers = answers.With(property.Name, AnswersJson.ReadValue(property.Value));
        }

        return (answers, repeated);
    }

    /// <summary>
    /// The body's optional top-level "unsure" (contract v1.2): a list of question ids; absent or
    /// null is an empty list. False when it is anything but a list of strings. Whether each id may
    /// be "not sure" is the recorder's check, with the answers.
    /// </summary>
    public static bool TryReadUnsure(JsonElement body, out IReadOnlyList<string> unsure)
    {
        unsure = [];
        if (!body.TryGetProperty("unsure", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            return false;
        }

        unsure = [.. list.EnumerateArray().Select(item => item.GetString() ?? string.Empty)];
        return true;
    }
}
