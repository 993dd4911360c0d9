using System.Text.Json;
using Hl7.Fhir.Model;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.Fhir;

/// <summary>
/// A stored answer as FHIR answer values, read from the JSON as stored: a result keeps the answers it
/// was made with, so an answer the knowledge base no longer knows (or one added after this code) is
/// still carried over by its JSON kind rather than dropped or refused.
/// </summary>
public static class FhirAnswerValues
{
    /// <param name="question">Today's question with this id, for option labels; null when the knowledge base no longer has it.</param>
    public static IEnumerable<DataType> From(JsonElement value, Question? question) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().SelectMany(element => From(element, question)),
        JsonValueKind.True => [new FhirBoolean(true)],
        JsonValueKind.False => [new FhirBoolean(false)],
        JsonValueKind.Number => [Number(value)],
        JsonValueKind.String => [Text(value.GetString()!, question)],
        JsonValueKind.Null or JsonValueKind.Undefined => [],
        // An answer made of parts (a shape added after this code): its JSON, as text.
        _ => [new FhirString(value.GetRawText())],
    };

    private static DataType Number(JsonElement value) =>
        value.TryGetInt32(out var whole) ? new Integer(whole)
        : value.TryGetDecimal(out var number) ? new FhirDecimal(number)
        : new FhirString(value.GetRawText());

    /// <summary>A choice is a code (the option value) with today's label; other text stays text.</summary>
    private static DataType Text(string text, Question? question)
    {
        if (question is { Type: QuestionType.One or QuestionType.Many })
        {
            var option = question.Options.FirstOrDefault(o => o.Value == text);
            return new Coding(system: null, code: text, display: option?.Label);
        }

        return new FhirString(text);
    }
}
