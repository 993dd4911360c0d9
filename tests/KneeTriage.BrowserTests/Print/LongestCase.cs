using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Print;

/// <summary>
/// The longest result issue 23 asks to print: every warning question answered, three activities of
/// 60 characters each, and a series of ten checks. Made through the JSON API, as a clinic's client
/// or a runner checking again weekly would make it.
/// </summary>
internal static class LongestCase
{
    public const int Checks = 10;

    /// <summary>Three activities of exactly 60 characters, the most the contract allows.</summary>
    public static readonly string[] Activities =
    [
        "Run 10 km on the road at my usual easy pace without stopping",
        "Walk down three flights of stairs at work, holding the rails",
        "Squat down to pick up my daughter and stand up again quickly",
    ];

    /// <summary>Creates the series and returns the latest result's address.</summary>
    public static async Task<string> CreateAsync(IBrowserContext context) =>
        $"/results/{(await AddChecksAsync(context, null, null, 0, Checks)).Id}";

    /// <summary>
    /// Adds checks <paramref name="from"/> to <paramref name="to"/> (exclusive) of the series, each
    /// following the one before, the first following <paramref name="id"/> when given; returns the
    /// latest result's id and delete key.
    /// </summary>
    public static async Task<(string Id, string DeleteKey)> AddChecksAsync(IBrowserContext context, string? id, string? deleteKey, int from, int to)
    {
        var questionnaire = await JsonAsync(await context.APIRequest.GetAsync("/api/questionnaire"));
        for (var check = from; check < to; check++)
        {
            var body = new JsonObject { ["answers"] = Answers(questionnaire, check) };
            var headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" };
            if (id is not null && deleteKey is not null)
            {
                body["follows"] = id;
                headers["X-Delete-Key"] = deleteKey;
            }

            var response = await context.APIRequest.PostAsync("/api/assessments", new() { Headers = headers, Data = body.ToJsonString() });
            var created = await JsonAsync(response);
            Assert.True(response.Status == 201, $"Check {check + 1} was answered {response.Status}: {created}");
            id = created.GetProperty("id").GetString();
            deleteKey = created.GetProperty("deleteKey").GetString();
        }

        return (id ?? throw new InvalidOperationException("No check was made."), deleteKey ?? throw new InvalidOperationException("No delete key was given."));
    }

    /// <summary>
    /// Every warning question answered: each yes/no sign yes and every box ticked on the tick-box
    /// signs, so every warning finding and "rule out now" cause is listed; the scores change from
    /// check to check.
    /// </summary>
    internal static JsonObject Answers(JsonElement questionnaire, int check)
    {
        var answers = new JsonObject
        {
            ["age"] = 58,
            ["side"] = "both",
            ["pain-type"] = "sharp",
            ["pain-severity"] = 3 + (check % 5),
            ["pain-location"] = new JsonArray("back-center", "back-inner", "back-outer", "above-back", "below-back"),
            ["onset"] = "sudden",
            ["duration"] = "3-to-14-days",
            ["injury"] = "twist",
            ["stiffness"] = "morning-over-30-min",
            ["pain-next-morning"] = 2 + (check % 4),
            ["swelling-onset"] = "within-2-hours",
            ["activities"] = new JsonArray([.. Activities.Select((a, i) => (JsonNode)new JsonObject { ["activity"] = a, ["score"] = (check + (3 * i)) % 11 })]),
        };
        foreach (var question in questionnaire.GetProperty("questions").EnumerateArray())
        {
            var id = question.GetProperty("id").GetString()!;
            var isBoolean = question.GetProperty("type").GetString() == "bool";
            if (question.GetProperty("warning").GetBoolean())
            {
                answers[id] = isBoolean
                    ? true
                    : new JsonArray([.. question.GetProperty("options").EnumerateArray().Select(o => (JsonNode)JsonValue.Create(o.GetProperty("value").GetString()!)!)]);
            }
            else if (isBoolean && question.GetProperty("required").GetBoolean())
            {
                // A required yes/no that no urgent or emergency rule reads (calf cramp on exertion) is answered no.
                answers[id] = false;
            }
        }

        return answers;
    }

    private static async Task<JsonElement> JsonAsync(IAPIResponse response) =>
        JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
}
