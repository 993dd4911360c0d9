using System.Net;
using System.Text.Json;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Boards;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace KneeTriage.Web.Tests.Hostile;

/// <summary>
/// Generated hostile requests over every route family, with the app in Production (its error
/// handling, not the developer page): no answer may be a 5xx, none may echo a delete key it was
/// sent, and none may show the app's insides (a stack trace, an exception, the database).
/// </summary>
public sealed class ProductionHostileInputTests(ProductionHostileInputTests.ProductionApp app, ITestOutputHelper output)
    : IClassFixture<ProductionHostileInputTests.ProductionApp>
{
    private const int Seed = 20261206;

    /// <summary>What an answer must never contain: the shapes of a stack trace, an exception, a connection string.</summary>
    private static readonly string[] InsideDetails = ["   at KneeTriage.", "   at Microsoft.", "   at System.", "Exception:", "Exception (0x", "Data Source=", "Host=", "Password="];

    public static TheoryData<string> Families => [.. RouteFamilyHostileInputs.Families];

    [Fact]
    public void TheAppUnderTestRunsAsProduction() =>
        Assert.True(app.Services.GetRequiredService<IWebHostEnvironment>().IsProduction(), "the hostile inputs would meet the developer exception page");

    [Theory]
    [MemberData(nameof(Families))]
    public async Task GeneratedHostileRequestsToARouteFamilyGetNoServerErrorAndEchoNoSecret(string family)
    {
        var (inputs, targets) = await InputsAsync(family);

        await RunAsync(inputs.For(family), targets, minimum: 60);
    }

    /// <summary>TRACE on a page answered 500 (issue 29); every family, every odd method.</summary>
    [Fact]
    public async Task UnsupportedMethodsOnEveryRouteFamilyGetNoServerError()
    {
        var (inputs, targets) = await InputsAsync("unsupported methods");

        await RunAsync(inputs.UnsupportedMethods(), targets, minimum: 100);
    }

    /// <summary>GET /error answered 500 (issue 29).</summary>
    [Fact]
    public async Task TheErrorPageAskedForDirectlyGetsNoServerError()
    {
        var (inputs, targets) = await InputsAsync("error page");

        await RunAsync(inputs.ErrorPage(), targets, minimum: 30);
    }

    private async Task<(RouteFamilyHostileInputs Inputs, HostileTargets Targets)> InputsAsync(string family)
    {
        var api = new BoardClient(app);
        var result = await api.CreateResultAsync();
        var board = await api.CreateBoardAsync("Hostile club");
        var share = await api.ShareOkAsync(board, result, "Sam");
        var targets = new HostileTargets(result.Id, result.DeleteKey, board.Id, board.JoinId, board.DeleteKey, share);
        // One seed per family, so adding a family leaves the others' requests as they were.
        return (new RouteFamilyHostileInputs(targets, new Random(Seed + family.Length * 131 + family[0])), targets);
    }

    private async Task RunAsync(IEnumerable<HostileProbe> probes, HostileTargets targets, int minimum)
    {
        using var client = app.CreatePlainClient();
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var tried = 0;
        foreach (var probe in probes)
        {
            tried++;
            using var message = probe.Build();
            int status;
            string body;
            try
            {
                using var response = await client.SendAsync(message);
                status = (int)response.StatusCode;
                body = await response.Content.ReadAsStringAsync();
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or IOException)
            {
                failures.Add($"[{probe.Family}] {probe.Description}: the request failed ({exception.GetType().Name}: {exception.Message})");
                continue;
            }

            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var problem = status >= 500 ? $"answered {status}"
                : InsideDetails.FirstOrDefault(d => body.Contains(d, StringComparison.Ordinal)) is { } inside ? $"answered {status} showing '{inside}'"
                : status >= 400 && targets.Secrets.FirstOrDefault(s => body.Contains(s.Value, StringComparison.Ordinal)) is { What: { } what } ? $"answered {status} echoing {what}"
                : null;
            if (problem is not null)
            {
                failures.Add($"[{probe.Family}] {probe.Description}: {problem} — {Shorten(body)}");
            }
        }

        output.WriteLine($"{tried} requests; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(tried >= minimum, $"only {tried} hostile requests were generated; expected at least {minimum}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} hostile requests were mishandled:\n" + string.Join('\n', failures.Take(30)));

        // The targets survived everything (nothing above carried a valid antiforgery token).
        using var stillThere = await client.GetAsync(new Uri($"/api/assessments/{targets.ResultToken}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    private static string Shorten(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= 300 ? flat : flat[..300] + "…";
    }

    /// <summary>The app as deployed: environment Production, rate limits off (a generated suite sends more than a person).</summary>
    public sealed class ProductionApp() : RateLimitsOffAppFactory(new Dictionary<string, string?> { ["environment"] = Environments.Production });
}
