using System.Text.Json;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;

namespace KneeTriage.Triage.Tests.Vignettes;

/// <summary>A clinical case: a story, the answers a runner would give, and what a clinician would accept.</summary>
internal sealed record Vignette(string Id, string Story, AnswerSet Answers, IReadOnlyList<Urgency> AcceptedUrgency, IReadOnlyList<string> ExpectedCauses)
{
    public Urgency SafetyFloor => AcceptedUrgency.Min();

    public override string ToString() => Id;

    /// <summary>Reads a fixture file in the format of ../shared/vignettes (contract v1).</summary>
    public static IReadOnlyList<Vignette> ReadFixture(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName)));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(Read).ToList();
    }

    private static Vignette Read(JsonElement json)
    {
        var expect = json.GetProperty("expect");
        var urgency = expect.GetProperty("urgency").EnumerateArray()
            .Select(u => UrgencyIds.TryParse(u.GetString(), out var level) ? level : throw new InvalidDataException($"Unknown urgency '{u}'"))
            .ToList();
        var answers = AnswerSet.From(json.GetProperty("answers").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, ToAnswer(p.Value))));
        return new Vignette(
            json.GetProperty("id").GetString() ?? "",
            json.GetProperty("story").GetString() ?? "",
            answers,
            urgency,
            [.. expect.GetProperty("top3").EnumerateArray().Select(c => c.GetString() ?? "")]);
    }

    private static AnswerValue ToAnswer(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => new NumberAnswer(value.GetDecimal()),
        JsonValueKind.True => new BooleanAnswer(true),
        JsonValueKind.False => new BooleanAnswer(false),
        JsonValueKind.String => new TextAnswer(value.GetString() ?? ""),
        JsonValueKind.Array => new ListAnswer([.. value.EnumerateArray().Select(v => v.GetString() ?? "")]),
        _ => new UnreadableAnswer(value.ValueKind.ToString()),
    };
}
