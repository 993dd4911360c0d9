using System.Text.Json.Nodes;

namespace KneeTriage.ReliabilityTests.CrashSafety;

/// <summary>A submission the app answered with 201 and a complete body: a promise that it is stored.</summary>
/// <param name="Id">The share token from the body.</param>
/// <param name="Body">The 201 body without its deleteKey, which is never shown again.</param>
/// <param name="Round">The kill round it was acknowledged in, for failure messages.</param>
internal sealed record AcknowledgedSubmission(string Id, JsonObject Body, int Round)
{
    public static AcknowledgedSubmission FromCreatedBody(string json, int round)
    {
        var body = JsonNode.Parse(json)?.AsObject()
            ?? throw new InvalidOperationException("A 201 answer had an empty body.");
        body.Remove("deleteKey");
        var id = body["id"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"A 201 answer had no id: {json}");
        return new AcknowledgedSubmission(id, body, round);
    }
}
