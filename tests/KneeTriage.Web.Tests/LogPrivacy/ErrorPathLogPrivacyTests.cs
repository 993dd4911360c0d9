using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KneeTriage.Web.Data;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace KneeTriage.Web.Tests.LogPrivacy;

/// <summary>
/// The log-privacy claim on the paths where logs say the most: a 400 that carried answers, the 503
/// when storage refuses a write (the recorder logs the exception), an unhandled exception in
/// Production (the framework logs it with the request), and a 429. Every category at Verbose, as in
/// <see cref="LogPrivacyTests"/>.
/// </summary>
public sealed class ErrorPathLogPrivacyTests
{
    [Fact]
    public async Task RefusedAnswersLogNoAnswer()
    {
        var sink = new CollectingLogSink();
        using var app = LogPrivacyTests.ChattyApp(sink);
        using var client = await WarmedUpClientAsync(app, sink);

        // Every answer given, one of them out of range: a validation 400.
        var answers = LogPrivacyTests.ApiAnswers();
        answers["age"] = 400;
        using var invalid = await client.PostAsJsonAsync(new Uri("/api/assessments", UriKind.Relative), new { answers });
        // The same answers in JSON that breaks after them: a 400 from the body reader.
        var broken = JsonSerializer.Serialize(new { answers = LogPrivacyTests.ApiAnswers() })[..^1] + ", \"age\": forty}";
        using var malformed = await client.PostAsync(new Uri("/api/assessments", UriKind.Relative), new StringContent(broken, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        AssertNoSecretLogged(sink);
    }

    [Fact]
    public async Task AStoreThatRefusesTheWriteLogsTheFailureButNoAnswer()
    {
        var sink = new CollectingLogSink();
        using var app = LogPrivacyTests.ChattyApp(sink);
        using var client = await WarmedUpClientAsync(app, sink);
        var review = await CheckForm.ReachReviewAsync(client, LogPrivacyTests.DistinctiveAnswers);
        await RefuseInsertsAsync(app);

        using var fromTheForm = await CheckForm.SubmitAsIsAsync(client, review, "main form.actions");
        using var fromTheApi = await client.PostAsJsonAsync(new Uri("/api/assessments", UriKind.Relative), new { answers = LogPrivacyTests.ApiAnswers() });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, fromTheForm.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, fromTheApi.StatusCode);
        Assert.Contains(sink.Events, e => e.Level >= LogEventLevel.Error && e.Exception is not null);
        AssertNoSecretLogged(sink);
    }

    [Fact]
    public async Task AnUnhandledExceptionInProductionLogsNoTokenDeleteKeyOrAnswer()
    {
        var sink = new CollectingLogSink();
        using var app = LogPrivacyTests.ChattyApp(sink).WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var client = await WarmedUpClientAsync(app, sink);
        using var created = await client.PostAsJsonAsync(new Uri("/api/assessments", UriKind.Relative), new { answers = LogPrivacyTests.ApiAnswers() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("id").GetString() ?? "";
        var deleteKey = body.RootElement.GetProperty("deleteKey").GetString() ?? "";

        // The table gone under the running app: every read and write of a result now throws.
        await WithDatabaseAsync(app, db => db.Database.ExecuteSqlRawAsync(
            db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? "DROP TABLE \"Assessments\" CASCADE" : "DROP TABLE \"Assessments\""));
        sink.Events.Clear();

        var statuses = new List<(string What, HttpStatusCode Status)>();
        foreach (var path in new[] { $"/results/{token}", $"/api/assessments/{token}" })
        {
            using var read = await client.GetAsync(new Uri(path, UriKind.Relative));
            statuses.Add(($"GET {path}", read.StatusCode));
        }

        using var delete = new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/assessments/{token}", UriKind.Relative));
        delete.Headers.Add("X-Delete-Key", deleteKey);
        using var deleted = await client.SendAsync(delete);
        statuses.Add(("DELETE", deleted.StatusCode));
        using var followUp = await client.PostAsJsonAsync(new Uri("/api/assessments", UriKind.Relative), new { follows = token, answers = LogPrivacyTests.ApiAnswers() });
        statuses.Add(("POST a follow-up", followUp.StatusCode));

        Assert.All(statuses, s => Assert.True((int)s.Status >= 500, $"{s.What} answered {(int)s.Status} with the table gone"));
        Assert.Contains(sink.Events, e => e.Level >= LogEventLevel.Error && e.Exception is not null);
        AssertNoSecretLogged(sink, ("share token", token), ("delete key", deleteKey));
    }

    [Fact]
    public async Task RateLimitedRequestsLogNoTokenDeleteKeyOrAnswer()
    {
        var sink = new CollectingLogSink();
        using var app = LogPrivacyTests.ChattyApp(sink, new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:Submissions:PermitLimit"] = "2",
            ["RateLimiting:Lookups:PermitLimit"] = "2",
        });
        using var client = await WarmedUpClientAsync(app, sink);
        using var created = await client.PostAsJsonAsync(new Uri("/api/assessments", UriKind.Relative), new { answers = LogPrivacyTests.ApiAnswers() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("id").GetString() ?? "";
        var deleteKey = body.RootElement.GetProperty("deleteKey").GetString() ?? "";

        var limited = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var submitted = await client.PostAsJsonAsync(new Uri("/api/assessments", UriKind.Relative), new { answers = LogPrivacyTests.ApiAnswers() });
            using var page = await client.GetAsync(new Uri($"/results/{token}", UriKind.Relative));
            using var delete = new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/assessments/{token}", UriKind.Relative));
            delete.Headers.Add("X-Delete-Key", deleteKey);
            using var deleted = await client.SendAsync(delete);
            limited.AddRange(new[] { ("POST", submitted), ("page", page), ("DELETE", deleted) }
                .Where(r => r.Item2.StatusCode == HttpStatusCode.TooManyRequests)
                .Select(r => r.Item1));
        }

        Assert.Contains("POST", limited);
        Assert.Contains("page", limited);
        Assert.Contains("DELETE", limited);
        AssertNoSecretLogged(sink, ("share token", token), ("delete key", deleteKey));
    }

    private static async Task<HttpClient> WarmedUpClientAsync(WebApplicationFactory<Program> app, CollectingLogSink sink)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.False(sink.Events.IsEmpty, "the test sink received nothing: the log capture is not wired up");
        sink.Events.Clear();
        return client;
    }

    private static async Task WithDatabaseAsync(WebApplicationFactory<Program> app, Func<KneeTriageDbContext, Task<int>> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>());
    }

    // A trigger that refuses every insert stands in for a full disk, as in StorageFailureTests.
    private static Task RefuseInsertsAsync(WebApplicationFactory<Program> app) => WithDatabaseAsync(app, db => db.Database.ExecuteSqlRawAsync(
        db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true
            ? "CREATE FUNCTION refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$; "
              + "CREATE TRIGGER refuse_insert BEFORE INSERT ON \"Assessments\" FOR EACH ROW EXECUTE FUNCTION refuse_insert();"
            : "CREATE TRIGGER refuse_insert BEFORE INSERT ON Assessments BEGIN SELECT RAISE(ABORT, 'disk full'); END;"));

    private static void AssertNoSecretLogged(CollectingLogSink sink, params (string What, string Value)[] ids)
    {
        var events = sink.Events.ToList();
        Assert.True(events.Count > 3, $"only {events.Count} log events were captured; the test would prove nothing");
        var secrets = LogPrivacyTests.TellTaleAnswerValues.Select(value => (What: "the answer value", Value: value)).ToList();
        foreach (var (what, value) in ids)
        {
            Assert.True(value.Length >= 22, $"no {what} to look for ({value})");
            secrets.Add((what, value));
            secrets.Add(($"the first half of the {what}", value[..(value.Length / 2)]));
        }

        foreach (var logEvent in events)
        {
            var everything = $"{logEvent.RenderMessage()} {string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"))} {logEvent.Exception}";
            foreach (var (what, value) in secrets)
            {
                Assert.False(everything.Contains(value, StringComparison.OrdinalIgnoreCase),
                    $"a {logEvent.Level} log event from {logEvent.Properties.GetValueOrDefault("SourceContext")} carries {what} '{value}': {everything}");
            }
        }
    }
}
