using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KneeTriage.Web.Data;
using KneeTriage.Web.Tests.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Boards;

/// <summary>A board made through the API: what its coach holds.</summary>
internal sealed record TestBoard(string Id, string JoinId, string DeleteKey);

/// <summary>A result stored through the API: what its runner holds.</summary>
internal sealed record TestResult(string Id, string DeleteKey);

/// <summary>The boards' API as a client would call it, plus a follow-up saved straight into the store (with an urgency of the test's choosing, which the API's "follows" cannot give).</summary>
internal sealed class BoardClient(WebApplicationFactory<Program> factory)
{
    public HttpClient Http { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<TestBoard> CreateBoardAsync(string name = "Riverside RC juniors")
    {
        using var response = await PostJsonAsync("/api/boards", new JsonObject { ["name"] = name });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/boards answered {(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body)!;
        return new TestBoard(Text(json, "id"), Text(json, "joinId"), Text(json, "deleteKey"));
    }

    public async Task<TestResult> CreateResultAsync(JsonObject? answers = null)
    {
        using var response = await ApiClient.PostAnswersAsync(Http, answers ?? ApiClient.ValidAnswers());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/assessments answered {(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body)!;
        return new TestResult(Text(json, "id"), Text(json, "deleteKey"));
    }

    /// <summary>A follow-up of <paramref name="earlier"/>: the same stored result again, in the same series.</summary>
    public async Task<TestResult> SaveFollowUpAsync(TestResult earlier, Triage.Engine.Urgency? urgency = null)
    {
        var store = factory.Services.GetRequiredService<AssessmentStore>();
        var record = await store.FindByTokenAsync(earlier.Id, CancellationToken.None) ?? throw new InvalidOperationException("the earlier result is gone");
        var saved = await store.SaveAsync(new AssessmentToStore
        {
            KnowledgeBaseVersion = record.KnowledgeBaseVersion,
            AnswersJson = record.AnswersJson,
            ResultJson = record.ResultJson,
            Urgency = urgency ?? record.Urgency,
            SeeClinician = urgency is { } level ? level >= Triage.Engine.Urgency.SeeClinician : record.SeeClinician,
            SeriesKey = record.SeriesKey,
        }, CancellationToken.None);
        return new TestResult(saved.Record.Token, saved.DeleteKey);
    }

    /// <param name="showResult">Sent as showResult when not null; null leaves it out of the body (as a v1.1 client does).</param>
    public Task<HttpResponseMessage> ShareAsync(string joinId, string resultId, string? key, string displayName, bool? showResult = null)
    {
        var body = new JsonObject { ["joinId"] = joinId, ["resultId"] = resultId, ["displayName"] = displayName };
        if (showResult is { } show)
        {
            body["showResult"] = show;
        }

        return SendJsonAsync(HttpMethod.Post, "/api/shares", body, key);
    }

    public async Task<string> ShareOkAsync(TestBoard board, TestResult result, string displayName, bool? showResult = null)
    {
        using var response = await ShareAsync(board.JoinId, result.Id, result.DeleteKey, displayName, showResult);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/shares answered {(int)response.StatusCode}: {body}");
        return Text(JsonNode.Parse(body)!, "shareId");
    }

    public Task<HttpResponseMessage> GetBoardAsync(string id) => Http.GetAsync(new Uri($"/api/boards/{Uri.EscapeDataString(id)}", UriKind.Relative));

    public async Task<JsonNode> BoardJsonAsync(TestBoard board)
    {
        using var response = await GetBoardAsync(board.Id);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/boards/{{id}} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static IReadOnlyList<string> DisplayNames(JsonNode board) =>
        [.. board["athletes"]!.AsArray().Select(a => a!["displayName"]!.GetValue<string>())];

    public Task<HttpResponseMessage> DeleteAsync(string path, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(path, UriKind.Relative));
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Delete-Key", key);
        }

        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, JsonNode body) => SendJsonAsync(HttpMethod.Post, path, body, key: null);

    public Task<HttpResponseMessage> PostRawAsync(string path, string body, string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>How many shares the database holds, to prove a refused request changed nothing.</summary>
    public async Task<int> StoredSharesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>().Shares.Count();
    }

    public async Task<int> StoredBoardsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>().Boards.Count();
    }

    private Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, JsonNode body, string? key)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Delete-Key", key);
        }

        return Http.SendAsync(request);
    }

    private static string Text(JsonNode json, string name) => json[name]?.GetValue<string>() ?? throw new InvalidOperationException($"no {name} in {json.ToJsonString()}");
}

/// <summary>Shared asserts about refusals.</summary>
internal static class Refusal
{
    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: a {(int)expected} must be application/problem+json, was {response.Content.Headers.ContentType}");
        using var json = JsonDocument.Parse(body);
        Assert.Equal((int)expected, json.RootElement.GetProperty("status").GetInt32());
    }
}
