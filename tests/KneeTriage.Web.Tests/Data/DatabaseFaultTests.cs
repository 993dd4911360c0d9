using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Xunit.Abstractions;

namespace KneeTriage.Web.Tests.Data;

/// <summary>
/// A PostgreSQL server that stops, restarts or drops every connection while the app serves: every
/// answer is 2xx or 503 (never 500), every result acknowledged with 201 is still there, and the app
/// recovers by itself. The server is the test's own (stopping the shared one would break other tests).
/// </summary>
public sealed class DatabaseFaultTests(ITestOutputHelper output) : IDisposable
{
    private readonly PrivatePostgresServer? server = TestPostgres.ShouldRun ? PrivatePostgresServer.Start() : null;

    private RateLimitsOffAppFactory? factory;

    public void Dispose()
    {
        factory?.Dispose();
        server?.Dispose();
    }

    private HttpClient StartApp()
    {
        factory = RateLimitsOffAppFactory.With(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSQL",
            ["ConnectionStrings:KneeTriage"] = server!.ConnectionString,
            // The errors logged during the outage are expected; the test reports its own counts.
            ["Serilog:MinimumLevel:Default"] = "Fatal",
        });
        return factory.CreatePlainClient();
    }

    [PostgresFact]
    public async Task AfterARestartTheFirstResultViewAndApiReadAnswer200()
    {
        var client = StartApp();
        var id = await CreateAsync(client);
        // Every pool holds a connection now: EF Core's, the result-page lookup's and the writer's.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/results/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/assessments/{id}")).StatusCode);

        server!.Restart();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/results/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/assessments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ApiClient.PostAnswersAsync(client, ApiClient.ValidAnswers())).StatusCode);
    }

    [PostgresFact]
    public async Task AfterEveryBackendIsTerminatedReadsAndWritesSucceedAtOnce()
    {
        var client = StartApp();
        var id = await CreateAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/results/{id}")).StatusCode);

        Assert.True(server!.TerminateEveryBackend() > 0, "the app held no connection to terminate");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/results/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/assessments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ApiClient.PostAnswersAsync(client, ApiClient.ValidAnswers())).StatusCode);
    }

    [PostgresFact]
    public async Task WhileTheServerIsDownTheApiAnswers503ProblemWithRetryAfterAndPagesTheFriendly503()
    {
        var client = StartApp();
        var id = await CreateAsync(client);
        server!.Stop();

        using var post = await ApiClient.PostAnswersAsync(client, ApiClient.ValidAnswers());
        using var read = await client.GetAsync($"/api/assessments/{id}");
        using var board = await client.GetAsync($"/api/boards/{new string('a', 24)}");
        foreach (var response in new[] { post, read, board })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.RetryAfter);
        }

        using var page = await client.GetAsync($"/results/{id}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("try again in a moment", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(page.Headers.RetryAfter);

        server.StartServer();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/results/{id}")).StatusCode);
    }

    [PostgresFact]
    public async Task WhileTheServerIsDownTheFormsFinalSubmitKeepsTheAnswersAndARetryAfterwardsStoresOnce()
    {
        var client = StartApp();
        var review = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers);
        server!.Stop();

        using var failed = await CheckForm.SubmitAsIsAsync(client, review, "main form.actions");
        var page = HtmlPage.Parse("/check/review", await failed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.NotNull(failed.Headers.RetryAfter);
        Assert.Contains("could not save your result", page.Document.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);

        server.StartServer();
        using var retried = await CheckForm.SubmitAsIsAsync(client, page, "main form.actions");
        using var again = await CheckForm.SubmitAsIsAsync(client, page, "main form.actions");
        Assert.Equal(HttpStatusCode.SeeOther, retried.StatusCode);
        Assert.Equal(retried.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await factory!.StoredCountAsync());
    }

    /// <summary>
    /// Mixed load (stores, API reads, result pages) through a stop, a start, a restart and a
    /// pg_terminate_backend of every session: only 2xx and 503, no acknowledged result lost,
    /// and stores succeed again after each fault without restarting the app.
    /// </summary>
    [PostgresFact]
    public async Task UnderLoadStopRestartAndTerminatedBackendsGiveOnly2xxOr503AndLoseNothingAcknowledged()
    {
        var client = StartApp();
        var acknowledged = new ConcurrentBag<string>();
        var tally = new ConcurrentDictionary<string, int>();
        acknowledged.Add(await CreateAsync(client));
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 6).Select(n => Task.Run(() => LoadAsync(client, n, acknowledged, tally, stop.Token))).ToArray();

        async Task PhaseAsync(string name, Action fault)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var before = acknowledged.Count;
            fault();
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            output.WriteLine($"{name}: {acknowledged.Count - before} stored in the 1.5 s after it");
        }

        await PhaseAsync("stop", server!.Stop);
        await PhaseAsync("start", server.StartServer);
        await PhaseAsync("restart", server.Restart);
        await PhaseAsync("terminate every backend", () => server.TerminateEveryBackend());
        var beforeTheEnd = acknowledged.Count;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var storedAtTheEnd = acknowledged.Count - beforeTheEnd;
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        output.WriteLine(string.Join(", ", tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}: {t.Value}")));
        Assert.All(tally.Keys, key => Assert.Matches("^(2\\d\\d|503) ", key));
        Assert.Contains(tally.Keys, key => key.StartsWith("503 ", StringComparison.Ordinal));
        Assert.True(storedAtTheEnd > 0, "no result was stored after the last fault: the app did not recover by itself");

        var missing = 0;
        foreach (var id in acknowledged)
        {
            using var read = await client.GetAsync($"/api/assessments/{id}");
            missing += read.StatusCode == HttpStatusCode.OK ? 0 : 1;
        }

        output.WriteLine($"acknowledged: {acknowledged.Count}, missing: {missing}");
        Assert.Equal(0, missing);
    }

    private static async Task LoadAsync(HttpClient client, int seed, ConcurrentBag<string> acknowledged, ConcurrentDictionary<string, int> tally, CancellationToken stop)
    {
        var random = new Random(seed);
        while (!stop.IsCancellationRequested)
        {
            var known = acknowledged.ElementAtOrDefault(random.Next(Math.Max(1, acknowledged.Count)));
            var kind = random.Next(3) switch { 0 => "store", 1 => "api read", _ => "result page" };
            var started = Stopwatch.GetTimestamp();
            using var response = kind switch
            {
                "store" => await ApiClient.PostAnswersAsync(client, ApiClient.ValidAnswers()),
                "api read" => await client.GetAsync($"/api/assessments/{known}", CancellationToken.None),
                _ => await client.GetAsync($"/results/{known}", CancellationToken.None),
            };
            tally.AddOrUpdate($"{(int)response.StatusCode} {kind}", 1, (_, n) => n + 1);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                acknowledged.Add((await ApiClient.JsonAsync(response)).GetProperty("id").GetString()!);
            }

            // A client that is refused waits a little, as Retry-After asks (shortened for the test).
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && Stopwatch.GetElapsedTime(started) < TimeSpan.FromMilliseconds(50))
            {
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    private static async Task<string> CreateAsync(HttpClient client)
    {
        using var response = await ApiClient.PostAnswersAsync(client, ApiClient.ValidAnswers());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.JsonAsync(response)).GetProperty("id").GetString()!;
    }
}
