using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KneeTriage.Web.Tests.Api;

/// <summary>Requests against the JSON API, and the answers of the dev vignettes.</summary>
public static class ApiClient
{
    /// <summary>The hamstring-tendinopathy runner, a complete and valid answer set.</summary>
    public static JsonObject ValidAnswers() => new()
    {
        ["age"] = 38,
        ["pain-type"] = "dull-ache",
        ["pain-severity"] = 4,
        ["pain-location"] = new JsonArray("back-outer", "above-back"),
        ["onset"] = "gradual",
        ["duration"] = "3-to-14-days",
        ["injury"] = "none",
        ["stiffness"] = "tight-behind-knee",
        ["cannot-bear-weight"] = false,
        ["fever"] = false,
        ["hot-red-knee"] = false,
        ["breathless-or-chest-pain"] = false,
        ["calf-cramp-on-exertion"] = false,
        ["deformity"] = false,
        ["pain-triggers"] = new JsonArray("after-run", "sitting", "uphill"),
        ["training-change"] = new JsonArray("more-distance"),
        ["tight-muscles"] = new JsonArray("hamstrings"),
    };

    public static Task<HttpResponseMessage> PostAnswersAsync(HttpClient client, JsonObject answers) =>
        PostRawAsync(client, new JsonObject { ["answers"] = answers }.ToJsonString());

    public static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string body, string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync("/api/assessments", content);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json;
    }

    public static IEnumerable<(string Id, JsonObject Answers, string[] Urgency, string[] Top3)> DevVignettes()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "vignettes-dev.json")))!;
        foreach (var vignette in file["cases"]!.AsArray())
        {
            yield return (
                vignette!["id"]!.GetValue<string>(),
                vignette["answers"]!.DeepClone().AsObject(),
                [.. vignette["expect"]!["urgency"]!.AsArray().Select(u => u!.GetValue<string>())],
                [.. vignette["expect"]!["top3"]!.AsArray().Select(c => c!.GetValue<string>())]);
        }
    }
}
