using System.Text.Json;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;

namespace KneeTriage.Triage.Tests.Vignettes;

/// <summary>A clinical case: a story, the answers a runner would give, and what a clinician would accept.</summary>
internal sealed record Vignette(string Id, string Story, AnswerSet Answers, IReadOnlyList<Urgency> AcceptedUrgency, IReadOnlyList<string> ExpectedCauses)
{
    /// <summary>
    /// Contract 1.2 narrowed three ids and split their old meanings off: a case written under v1 or
    /// v1.1 that expects the old id is also met by its successor, as ../shared/tools/check-vignettes scores it.
    /// </summary>
    private static readonly Dictionary<string, string> Successors = new(StringComparer.Ordinal)
    {
        ["septic-arthritis"] = "inflammatory-arthritis",
        ["popliteal-artery-entrapment"] = "compartment-syndrome",
        ["nerve-irritation"] = "lumbar-referred-pain",
    };

    /// <summary>The contract the case was written under ("1", "1.1", "1.2").</summary>
    public string Contract { get; init; } = "1";

    public Urgency SafetyFloor => AcceptedUrgency.Min();

    /// <summary>Whether a cause meets this expected id: the id itself, or its successor for a case written before 1.2.</summary>
    public bool Meets(string causeId, string expectedId) =>
        causeId == expectedId || (Contract != "1.2" && Successors.TryGetValue(expectedId, out var successor) && causeId == successor);

    public override string ToString() => Id;

    /// <summary>Reads a fixture file in the format of ../shared/vignettes (contract v1).</summary>
    public static IReadOnlyList<Vignette> ReadFixture(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName)));
        var contract = document.RootElement.TryGetProperty("contract", out var version) ? (version.GetString() ?? "1").TrimStart('v') : "1";
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => Read(c) with { Contract = contract }).ToList();
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
        // Contract v1.2's activities: a list of {"activity", "score"} objects.
        JsonValueKind.Array when value.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Object) =>
            new ActivitiesAnswer([.. value.EnumerateArray().Select(v => new ActivityEntry(ToAnswer(v.GetProperty("activity")), ToAnswer(v.GetProperty("score"))))]),
        JsonValueKind.Array => new ListAnswer([.. value.EnumerateArray().Select(v => v.GetString() ?? "")]),
        _ => new UnreadableAnswer(value.ValueKind.ToString()),
    };
}
