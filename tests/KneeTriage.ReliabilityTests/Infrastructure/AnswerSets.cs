using System.Text.Json.Nodes;

namespace KneeTriage.ReliabilityTests.Infrastructure;

/// <summary>
/// Valid, complete answer sets copied from the team's vignettes (Fixtures/answer-sets.json), from
/// self-care to emergency. Each request varies the age too, so stored results differ from each other.
/// </summary>
internal static class AnswerSets
{
    private const int YoungestAge = 16;
    private const int AgeSpread = 70;

    // Kept as text: JsonNode is not safe to read from many threads at once, so each request parses its own copy.
    private static readonly List<string> Cases = Load();

    public static int Count => Cases.Count;

    /// <summary>The body of POST /api/assessments for request number <paramref name="sequence"/>.</summary>
    public static string RequestBody(int sequence)
    {
        var answers = JsonNode.Parse(Cases[sequence % Cases.Count])!.AsObject(); // the fixture's own text, checked in Load
        // Inside the questionnaire's 12..100 range, so every body stays valid.
        answers["age"] = YoungestAge + (sequence / Cases.Count % AgeSpread);
        return new JsonObject { ["answers"] = answers }.ToJsonString();
    }

    private static List<string> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "answer-sets.json");
        var document = JsonNode.Parse(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{path} is empty.");
        var cases = document["cases"]?.AsArray()
            ?? throw new InvalidOperationException($"{path} has no cases.");
        return [.. cases.Select(c => c?["answers"]?.AsObject()
            ?.ToJsonString()
            ?? throw new InvalidOperationException($"A case in {path} has no answers object."))];
    }
}
