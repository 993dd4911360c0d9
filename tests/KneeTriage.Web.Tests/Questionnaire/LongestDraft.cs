using System.Text.Json;
using System.Text.Json.Nodes;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>The longest drafts a runner can make: every box ticked, the longest activities the form takes, a check again from the API's longest case.</summary>
public static class LongestDraft
{
    /// <summary>
    /// Three activities of 60 characters (the input's maxlength counts UTF-16 units), each a
    /// character the draft's JSON escapes to six bytes ("\u4E00"), none repeated, so they compress
    /// as little as text can.
    /// </summary>
    public static readonly string[] Activities =
        [.. Enumerable.Range(0, 3).Select(row => new string([.. Enumerable.Range(0, 60).Select(i => (char)(0x4E00 + (row * 60) + (i * 7 % 60)))]))];

    /// <summary>The calm runner's answers with every box of every tick-box question ticked and three longest activities.</summary>
    public static IReadOnlyDictionary<string, string[]> EveryBoxTicked(KnowledgeBase knowledgeBase)
    {
        var answers = CheckForm.SelfCareAnswers.ToDictionary(a => a.Key, a => a.Value);
        foreach (var question in knowledgeBase.Questions.Where(q => q.Type == QuestionType.Many))
        {
            answers[question.Id] = [.. question.Options.Select(o => o.Value)];
        }

        for (var row = 1; row <= Activities.Length; row++)
        {
            answers[$"activity-{row}"] = [Activities[row - 1]];
            answers[$"activity-{row}-score"] = ["10"];
        }

        answers["pain-next-morning"] = ["10"];
        answers["swelling-onset"] = ["within-2-hours"];
        return answers;
    }

    /// <summary>
    /// The API's longest case (as BrowserTests/Print/LongestCase): every warning sign yes, every
    /// box ticked on the tick-box signs and the pain's place, three activities of 60 characters.
    /// </summary>
    public static async Task<JsonObject> ApiAnswersAsync(HttpClient client)
    {
        var questionnaire = JsonDocument.Parse(await client.GetStringAsync("/api/questionnaire")).RootElement;
        var answers = new JsonObject
        {
            ["age"] = 58,
            ["side"] = "both",
            ["pain-type"] = "sharp",
            ["pain-severity"] = 7,
            ["pain-location"] = new JsonArray("back-center", "back-inner", "back-outer", "above-back", "below-back"),
            ["onset"] = "sudden",
            ["duration"] = "3-to-14-days",
            ["injury"] = "twist",
            ["stiffness"] = "morning-over-30-min",
            ["pain-next-morning"] = 5,
            ["swelling-onset"] = "within-2-hours",
            ["activities"] = new JsonArray([.. Activities.Select((a, i) => (JsonNode)new JsonObject { ["activity"] = a, ["score"] = 3 * i })]),
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
                answers[id] = false;
            }
        }

        return answers;
    }
}
