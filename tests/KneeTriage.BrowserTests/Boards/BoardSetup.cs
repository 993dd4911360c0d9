using System.Text.Json;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Boards;

/// <summary>A board made through the API.</summary>
public sealed record ApiBoard(string Id, string JoinId, string DeleteKey)
{
    public string BoardPath => $"/boards/{Id}";

    public string JoinPath => $"/join/{JoinId}";
}

/// <summary>Boards and shares made through the JSON API from a browser context, for tests about the pages rather than the journey there.</summary>
public static class BoardSetup
{
    public static async Task<ApiBoard> CreateBoardAsync(IBrowserContext context, string name)
    {
        var response = await context.APIRequest.PostAsync("/api/boards", new() { DataObject = new { name } });
        Assert.True(response.Status == 201, $"POST /api/boards answered {response.Status}");
        using var json = JsonDocument.Parse(await response.TextAsync());
        return new ApiBoard(Text(json, "id"), Text(json, "joinId"), Text(json, "deleteKey"));
    }

    /// <summary>Stores a result through the API and shares it with the board under <paramref name="displayName"/>.</summary>
    public static async Task ShareNewResultAsync(IBrowserContext context, ApiBoard board, string displayName, string duration = "3-to-14-days")
    {
        var answers = new Dictionary<string, object>
        {
            ["age"] = 38,
            ["pain-type"] = "dull-ache",
            ["pain-severity"] = 4,
            ["pain-location"] = new[] { "back-outer", "above-back" },
            ["onset"] = "gradual",
            ["duration"] = duration,
            ["injury"] = "none",
            ["stiffness"] = "tight-behind-knee",
            ["cannot-bear-weight"] = false,
            ["fever"] = false,
            ["hot-red-knee"] = false,
            ["breathless-or-chest-pain"] = false,
            ["calf-cramp-on-exertion"] = false,
            ["deformity"] = false,
        };
        var stored = await context.APIRequest.PostAsync("/api/assessments", new() { DataObject = new { answers } });
        Assert.True(stored.Status == 201, $"POST /api/assessments answered {stored.Status}: {await stored.TextAsync()}");
        using var result = JsonDocument.Parse(await stored.TextAsync());
        var shared = await context.APIRequest.PostAsync("/api/shares", new()
        {
            DataObject = new { joinId = board.JoinId, resultId = Text(result, "id"), displayName },
            Headers = new Dictionary<string, string> { ["X-Delete-Key"] = Text(result, "deleteKey") },
        });
        Assert.True(shared.Status == 201, $"POST /api/shares answered {shared.Status}: {await shared.TextAsync()}");
    }

    private static string Text(JsonDocument json, string name) =>
        json.RootElement.GetProperty(name).GetString() ?? throw new InvalidOperationException($"no {name}");
}
