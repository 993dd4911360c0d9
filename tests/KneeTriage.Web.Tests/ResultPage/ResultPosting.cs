using System.Net;
using System.Text.Json;
using KneeTriage.Triage.Answers;
using KneeTriage.Web.Submission;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>Stores an answer set through the API and loads its result page.</summary>
internal static class ResultPosting
{
    public static async Task<(JsonElement Body, HtmlPage Page)> PostAndLoadAsync(HttpClient client, AnswerSet answers, string what)
    {
        using var response = await ApiClient.PostRawAsync(client, $"{{\"answers\":{AnswersJson.Serialize(answers)}}}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{what}: the API answered {(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement.Clone();
        var page = await HtmlPage.LoadAsync(client, body.GetProperty("resultUrl").GetString()!);
        return (body, page);
    }
}
