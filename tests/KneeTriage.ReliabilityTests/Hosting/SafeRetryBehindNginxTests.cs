using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KneeTriage.ReliabilityTests.CrashSafety;
using KneeTriage.ReliabilityTests.Infrastructure;
using KneeTriage.Web.Tests.Infrastructure;
using Npgsql;

namespace KneeTriage.ReliabilityTests.Hosting;

/// <summary>
/// Behind the real nginx, with deploy/'s snippet: a client whose POST died with the instance that
/// was serving it retries with the same Idempotency-Key and gets one stored result, never two; and
/// nginx's own 502/503/504 reach the client in the contract's shape.
/// </summary>
public sealed class SafeRetryBehindNginxTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private TestPostgresDatabase? _postgres;

    public void Dispose()
    {
        _postgres?.Dispose();
        _folder.Dispose();
    }

    [NginxFact]
    public async Task WhenNoInstanceAnswersNginxSays503ProblemUnderApiAndAShortPageElsewhere()
    {
        // An upstream nobody listens on: nginx's own 502.
        using var nginx = await NginxProxy.StartAsync([new Uri($"http://127.0.0.1:{FreePort.Find()}/")]);
        using var client = new HttpClient { BaseAddress = nginx.HttpUri };

        using var api = await client.PostAsync(new Uri("api/assessments", UriKind.Relative), new StringContent(AnswerSets.RequestBody(1), Encoding.UTF8, "application/json"));
        using var page = await client.GetAsync(new Uri("results/q2aN0r5Zk7Wb1xYcD3eF4gHi", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, JsonNode.Parse(await api.Content.ReadAsStringAsync())!["status"]!.GetValue<int>());
        Assert.Equal(TimeSpan.FromSeconds(5), api.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("try again in a moment", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.True(page.Headers.Contains("Content-Security-Policy"));
    }

    [NginxFact]
    public Task OnSqliteAPostRetriedWithItsKeyAfterAKillIsStoredOnce() => KillAndRetryAsync(
        new AppLaunch
        {
            ConnectionString = $"Data Source={_folder.File("kt.db")}",
            Environment = new Dictionary<string, string> { ["Storage__Provider"] = "Sqlite" },
        },
        () => DatabaseFile.Inspect(_folder.File("kt.db")).StoredResults);

    [NginxFact(postgres: true)]
    public Task OnPostgreSqlAPostRetriedWithItsKeyAfterAKillIsStoredOnce()
    {
        _postgres = TestPostgres.CreateDatabase();
        return KillAndRetryAsync(
            new AppLaunch
            {
                ConnectionString = _postgres.ConnectionString,
                Environment = new Dictionary<string, string> { ["Storage__Provider"] = "PostgreSQL" },
            },
            () =>
            {
                using var connection = new NpgsqlConnection(_postgres.ConnectionString);
                connection.Open();
                using var count = new NpgsqlCommand("SELECT COUNT(*) FROM \"Assessments\"", connection);
                return (long)count.ExecuteScalar()!;
            });
    }

    /// <summary>
    /// Clients submit through nginx, each submission with a key of its own; one instance is killed
    /// mid-load. A submission that got no 201 (nginx's 503 for the POST it had sent to the dead
    /// instance, or a dropped connection) is sent again with the same key until it gets one. At the
    /// end every submission has exactly one id, and the database holds exactly one row per submission.
    /// The kill can land in a moment when the victim holds no POST (its group commit answers a whole
    /// group at once, and the clients take a moment to send the next): then nothing was retried and
    /// the round proved nothing, so a fresh pair is started and killed again, up to three rounds.
    /// </summary>
    private async Task KillAndRetryAsync(AppLaunch launch, Func<long> storedResults)
    {
        const int Rounds = 3;
        var ids = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var statuses = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var retried = 0;
        var sequence = 0;
        for (var round = 1; round <= Rounds && retried == 0; round++)
        {
            await KillOnceAsync(launch, ids, statuses, () => Interlocked.Increment(ref retried), () => Interlocked.Increment(ref sequence));
            output.WriteLine($"round {round}: {ids.Count} submissions so far, {retried} retries with the same key");
        }

        var stored = storedResults();
        output.WriteLine(
            $"{launch.Environment["Storage__Provider"]}: {ids.Count} submissions, {stored} rows stored, {retried} retries with the same key; "
            + string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(retried > 0, $"in {Rounds} rounds no POST was cut off by the kill, so nothing was retried: the test proved nothing");
        Assert.Equal(ids.Count, stored);
        Assert.Equal(ids.Count, ids.Values.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>One round: two instances behind nginx, eight clients submitting, the first instance killed after 50 more results.</summary>
    private static async Task KillOnceAsync(
        AppLaunch launch, ConcurrentDictionary<string, string> ids, ConcurrentDictionary<string, int> statuses, Action countRetry, Func<int> nextNumber)
    {
        const int Clients = 8;
        var starting = new[] { AppProcess.StartAsync(launch), AppProcess.StartAsync(launch) };
        await Task.WhenAll(starting);
        await using var victim = starting[0].Result;
        await using var survivor = starting[1].Result;
        using var nginx = await NginxProxy.StartAsync([victim.RootUri, survivor.RootUri]);
        using var client = new HttpClient { BaseAddress = nginx.HttpUri, Timeout = TimeSpan.FromSeconds(30) };
        using var stop = new CancellationTokenSource();

        async Task SubmitUntilStoredAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var number = nextNumber();
                var key = $"submission-{number}-{Guid.NewGuid():N}";
                var body = AnswerSets.RequestBody(number);
                for (var attempt = 1; ; attempt++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/assessments", UriKind.Relative))
                    {
                        Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Add("Idempotency-Key", key);
                    string outcome;
                    try
                    {
                        using var response = await client.SendAsync(request, CancellationToken.None);
                        outcome = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
                            Assert.Equal(id, ids.GetOrAdd(key, id));
                            statuses.AddOrUpdate(attempt == 1 ? "201" : "201 on a retry", 1, (_, n) => n + 1);
                            break;
                        }
                    }
                    catch (HttpRequestException)
                    {
                        outcome = "connection lost";
                    }

                    statuses.AddOrUpdate(outcome, 1, (_, n) => n + 1);
                    Assert.True(outcome is "502" or "503" or "504" or "connection lost", $"a POST got {outcome}");
                    countRetry();
                    Assert.True(attempt < 20, $"submission {key} was never stored");
                    await Task.Delay(100);
                }
            }
        }

        var before = ids.Count;
        var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(SubmitUntilStoredAsync)).ToArray();
        while (ids.Count < before + 50)
        {
            await Task.Delay(20);
        }

        victim.Kill();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await Task.WhenAll(clients);
    }
}
