using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KneeTriage.ReliabilityTests.CrashSafety;
using KneeTriage.ReliabilityTests.Infrastructure;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.ReliabilityTests.Hosting;

/// <summary>
/// Two real app processes, started together on one database (a shared SQLite file, or one
/// PostgreSQL database), behind a real nginx that terminates TLS on loopback, as deploy/ runs them.
/// </summary>
public sealed class BehindNginxTests(ITestOutputHelper output) : IDisposable
{
    private const string PublicUrl = "https://knee.test";

    /// <summary>201s to requests sent after the kill the survivor must give: it took over, not just finished a request or two.</summary>
    private const int AcknowledgedAfterKillAtLeast = 40;

    private readonly TemporaryFolder _folder = new();
    private TestPostgresDatabase? _postgres;

    public void Dispose()
    {
        _postgres?.Dispose();
        _folder.Dispose();
    }

    [NginxFact]
    public Task OnOneSqliteFileHttpsCookiesLinksAndDeletesHoldWhicheverInstanceAnswers() => ProxyBehaviourAsync(Sqlite());

    [NginxFact(postgres: true)]
    public Task OnPostgreSqlHttpsCookiesLinksAndDeletesHoldWhicheverInstanceAnswers() => ProxyBehaviourAsync(PostgreSql());

    [NginxFact]
    public Task OnOneSqliteFileKillingOneInstanceUnderWriteLoadLosesNothingAcknowledged() => KillOneUnderLoadAsync(Sqlite());

    [NginxFact(postgres: true)]
    public Task OnPostgreSqlKillingOneInstanceUnderWriteLoadLosesNothingAcknowledged() => KillOneUnderLoadAsync(PostgreSql());

    private async Task ProxyBehaviourAsync(AppLaunch launch)
    {
        var (first, second) = await StartTwoAsync(launch);
        await using var _ = first;
        await using var __ = second;
        using var nginx = await NginxProxy.StartAsync([first.RootUri, second.RootUri]);
        using var https = nginx.CreateHttpsClient();

        // HTTPS as nginx reports it: HSTS, and every cookie (antiforgery, draft) Secure.
        using var form = await https.GetAsync(new Uri("check/warning-signs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.True(form.Headers.Contains("Strict-Transport-Security"), "HTTPS through nginx got no HSTS header.");
        var cookies = form.Headers.TryGetValues("Set-Cookie", out var setCookies) ? setCookies.ToList() : [];
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));

        // Text is compressed by nginx.
        using var css = new HttpRequestMessage(HttpMethod.Get, new Uri("css/site.css", UriKind.Relative));
        css.Headers.AcceptEncoding.ParseAdd("gzip");
        using var compressed = await https.SendAsync(css);
        Assert.Contains("gzip", compressed.Content.Headers.ContentEncoding);

        // A null byte in the path never reaches the app (Kestrel would refuse it with an empty 400):
        // nginx answers in the contract's problem+json under /api/, with a page elsewhere.
        using var nullByte = await https.GetAsync(new Uri("api/assessments/%00", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, nullByte.StatusCode);
        Assert.Equal("application/problem+json", nullByte.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await nullByte.Content.ReadAsStringAsync())!;
        Assert.Equal(400, problem["status"]?.GetValue<int>());
        using var nullBytePage = await https.GetAsync(new Uri("results/%00", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, nullBytePage.StatusCode);
        Assert.Equal("text/html", nullBytePage.Content.Headers.ContentType?.MediaType);

        // Stored through the proxy; the share link comes from Site:PublicUrl, not from the Host nginx passed.
        using var created = await https.PostAsync(
            new Uri("api/assessments", UriKind.Relative),
            new StringContent(AnswerSets.RequestBody(1), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var token = body["id"]!.GetValue<string>();
        var deleteKey = body["deleteKey"]!.GetValue<string>();
        var page = await https.GetStringAsync(new Uri($"results/{token}", UriKind.Relative));
        Assert.Contains($"value=\"{PublicUrl}/results/{token}\"", page, StringComparison.Ordinal);

        // Each instance renders (and caches) the page; a delete through nginx lands on one of them.
        using var direct = new HttpClient();
        foreach (var instance in new[] { first, second, first, second })
        {
            using var view = await direct.GetAsync(new Uri(instance.RootUri, $"results/{token}"));
            Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        }

        using var delete = new HttpRequestMessage(HttpMethod.Delete, new Uri($"api/assessments/{token}", UriKind.Relative));
        delete.Headers.Add("X-Delete-Key", deleteKey);
        using var deleted = await https.SendAsync(delete);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        foreach (var instance in new[] { first, second })
        {
            using var view = await direct.GetAsync(new Uri(instance.RootUri, $"results/{token}"));
            using var api = await direct.GetAsync(new Uri(instance.RootUri, $"api/assessments/{token}"));
            Assert.True(view.StatusCode == HttpStatusCode.NotFound, $"{instance.RootUri} still served the deleted result page ({view.StatusCode}).");
            Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        }

        output.WriteLine($"{launch.Environment["Storage__Provider"]}: HSTS, {cookies.Count} Secure cookies, gzip, share link from Site:PublicUrl, and a delete through nginx a 404 on both instances.");
    }

    private async Task KillOneUnderLoadAsync(AppLaunch launch)
    {
        const int Clients = 8;
        var (first, second) = await StartTwoAsync(launch);
        await using var _ = second;
        var victim = first;
        try
        {
            using var nginx = await NginxProxy.StartAsync([first.RootUri, second.RootUri]);
            var killDelay = new Random(TestSettings.CrashSeed).Next(200, 1200);
            IReadOnlyCollection<AcknowledgedSubmission> acknowledged;
            int acknowledgedAtKill;
            int acknowledgedAfterKill;
            IReadOnlyCollection<string> failedAfterKill;
            var sinceKill = new Stopwatch();
            using (var clients = new SubmittingClients(nginx.HttpUri, Clients, round: 1, survivorExpected: true))
            {
                await clients.FirstAcknowledged.WaitAsync(TimeSpan.FromSeconds(60));
                await Task.Delay(killDelay);
                clients.ExpectKill();
                acknowledgedAtKill = clients.Acknowledged.Count;
                victim.Kill();
                sinceKill.Start();
                // The other instance takes every new request; nginx never replays a POST it had sent.
                while (clients.AcknowledgedAfterKill < AcknowledgedAfterKillAtLeast && sinceKill.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(50);
                }

                clients.Stop();
                await clients.StoppedAsync().WaitAsync(TimeSpan.FromSeconds(60));
                sinceKill.Stop();
                Assert.True(
                    clients.Failures.Count == 0,
                    $"{clients.Failures.Count} submissions failed before the kill, e.g.{Environment.NewLine}" + string.Join(Environment.NewLine, clients.Failures.Take(5)));
                acknowledged = [.. clients.Acknowledged];
                acknowledgedAfterKill = clients.AcknowledgedAfterKill;
                failedAfterKill = [.. clients.FailuresAfterKill];
            }

            // Only the requests nginx had already sent to the victim may fail (one per client in flight, and
            // one per kept-alive connection to it nginx tries before marking it down): never the survivor's.
            output.WriteLine($"After the kill: {acknowledgedAfterKill} acknowledged and {failedAfterKill.Count} failed in {sinceKill.ElapsedMilliseconds} ms.");
            Assert.True(
                acknowledgedAfterKill >= AcknowledgedAfterKillAtLeast,
                $"Only {acknowledgedAfterKill} submissions were acknowledged in {sinceKill.ElapsedMilliseconds} ms after the kill ({acknowledgedAtKill} before; at least {AcknowledgedAfterKillAtLeast} expected): "
                + $"the other instance did not take over. {failedAfterKill.Count} failed, e.g.{Environment.NewLine}" + string.Join(Environment.NewLine, failedAfterKill.Take(5)));
            Assert.True(
                failedAfterKill.Count <= 2 * Clients,
                $"{failedAfterKill.Count} submissions failed after the kill (at most {2 * Clients} were in flight to the killed instance), e.g.{Environment.NewLine}"
                + string.Join(Environment.NewLine, failedAfterKill.Take(5)));
            var throughSurvivor = await StoredAssessmentReader.FindDifferencesAsync(nginx.HttpUri, acknowledged);
            if (launch.Environment["Storage__Provider"] == "Sqlite")
            {
                var (integrity, _) = DatabaseFile.Inspect(_folder.File("kt.db"));
                Assert.Equal("ok", integrity);
            }

            var restart = Stopwatch.StartNew();
            victim = await AppProcess.StartAsync(launch);
            var throughRestarted = await StoredAssessmentReader.FindDifferencesAsync(victim.RootUri, acknowledged);
            output.WriteLine(
                $"{launch.Environment["Storage__Provider"]}: killed one of two instances {killDelay} ms into the load; {acknowledged.Count} acknowledged "
                + $"({acknowledged.Count - acknowledgedAtKill} after the kill), {throughSurvivor.Count} lost or changed through the survivor, "
                + $"{throughRestarted.Count} through the restarted instance (restart {restart.ElapsedMilliseconds} ms).");
            Assert.True(throughSurvivor.Count == 0, $"{throughSurvivor.Count} acknowledged submissions did not survive:{Environment.NewLine}" + string.Join(Environment.NewLine, throughSurvivor.Take(10)));
            Assert.True(throughRestarted.Count == 0, $"{throughRestarted.Count} acknowledged submissions unreadable from the restarted instance:{Environment.NewLine}" + string.Join(Environment.NewLine, throughRestarted.Take(10)));
        }
        finally
        {
            await victim.DisposeAsync();
        }
    }

    /// <summary>Both at once, as systemd starts them: they must not race on migrations.</summary>
    private static async Task<(AppProcess First, AppProcess Second)> StartTwoAsync(AppLaunch launch)
    {
        var starting = new[] { AppProcess.StartAsync(launch), AppProcess.StartAsync(launch) };
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(s => s.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }

        return (starting[0].Result, starting[1].Result);
    }

    private AppLaunch Sqlite() => new()
    {
        ConnectionString = $"Data Source={_folder.File("kt.db")}",
        Environment = new Dictionary<string, string> { ["Storage__Provider"] = "Sqlite", ["Site__PublicUrl"] = PublicUrl },
    };

    private AppLaunch PostgreSql()
    {
        _postgres = TestPostgres.CreateDatabase();
        return new AppLaunch
        {
            ConnectionString = _postgres.ConnectionString,
            Environment = new Dictionary<string, string> { ["Storage__Provider"] = "PostgreSQL", ["Site__PublicUrl"] = PublicUrl },
        };
    }
}
