using System.Net;
using KneeTriage.Web.Articles;
using KneeTriage.Web.Tests.Boards;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace KneeTriage.Web.Tests.Hostile;

/// <summary>
/// The auditor's probes, kept: every method on every kind of route. A method the route does not
/// handle is 405 with Allow naming those it does (TRACE on an article or a check step was a 500);
/// one it handles is never 405; nothing is ever a 5xx. The error page's own address is a 404 for
/// every method and logs no error. In Production, as the auditor found them.
/// </summary>
public sealed class MethodProbeTests : IDisposable
{
    private const string PageMethods = "GET, HEAD, POST";
    private const string ReadOnlyPage = "GET, HEAD";

    private readonly RateLimitsOffAppFactory factory = new();
    private readonly CollectingLogSink sink = new();
    private readonly WebApplicationFactory<Program> app;

    public MethodProbeTests() => app = AuditorApp.Start(factory, sink);

    [Fact]
    public async Task EveryMethodOnEveryPageIsHandledOr405WithAllowAndNeverAServerError()
    {
        var routes = await PageRoutesAsync();
        using var client = await StartedClientAsync();
        var failures = new List<string>();

        foreach (var (path, allow) in routes)
        {
            var allowed = allow.Split(", ");
            foreach (var method in AuditorApp.EveryMethod)
            {
                using var response = await client.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)));
                var status = (int)response.StatusCode;
                var allowHeader = string.Join(", ", response.Content.Headers.Allow);
                if (status >= 500)
                {
                    failures.Add($"{method} {path}: {status}");
                }
                else if (!allowed.Contains(method.Method) && (status != 405 || allowHeader != allow))
                {
                    failures.Add($"{method} {path}: {status} with Allow '{allowHeader}'; expected 405 with Allow '{allow}'");
                }
                else if (allowed.Contains(method.Method) && status == 405)
                {
                    failures.Add($"{method} {path}: 405 for a method the page handles");
                }
            }
        }

        Assert.True(routes.Count >= 15, $"only {routes.Count} routes probed");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.DoesNotContain(sink.Events, e => e.Level >= LogEventLevel.Error);
    }

    [Fact]
    public async Task A405PageIsTheFriendlyErrorPageAtStatus405()
    {
        using var client = app.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, new Uri("/check/warning-signs", UriKind.Relative)));
        var page = HtmlPage.Parse("/check/warning-signs", await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("That request could not be handled", page.H1);
    }

    [Fact]
    public async Task EveryMethodOnTheApiIsHandledOr405WithAllowAndNeverAServerError()
    {
        var api = new BoardClient(app);
        var result = await api.CreateResultAsync();
        var board = await api.CreateBoardAsync();
        string[] paths = ["/api/questionnaire", "/api/assessments", $"/api/assessments/{result.Id}", "/api/boards", $"/api/boards/{board.Id}", "/api/shares", "/api/shares/AAAAAAAAAAAAAAAAAAAAAAAA", "/api/no-such-thing", "/openapi/v1.json"];
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var failures = new List<string>();

        foreach (var path in paths)
        {
            foreach (var method in AuditorApp.EveryMethod)
            {
                using var response = await client.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)));
                var status = (int)response.StatusCode;
                if (status >= 500 || (status == 405 && response.Content.Headers.Allow.Count == 0))
                {
                    failures.Add($"{method} {path}: {status} with Allow '{string.Join(", ", response.Content.Headers.Allow)}'");
                }
                else if (status >= 400 && method != HttpMethod.Head && path.StartsWith("/api/", StringComparison.Ordinal)
                    && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{method} {path}: {status} as {response.Content.Headers.ContentType?.MediaType ?? "no body"}, not a problem");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [InlineData("/error")]
    [InlineData("/error/-1")]
    [InlineData("/error/200")]
    [InlineData("/error/404")]
    [InlineData("/error/500")]
    [InlineData("/error/503")]
    [InlineData("/error/99999")]
    public async Task TheErrorPagesOwnAddressIsA404ForEveryMethodAndLogsNoError(string path)
    {
        using var client = await StartedClientAsync();
        var statuses = new List<string>();

        foreach (var method in AuditorApp.EveryMethod)
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)));
            statuses.Add($"{method} {(int)response.StatusCode}");
        }

        Assert.All(statuses, s => Assert.EndsWith(" 404", s, StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Events, e => e.Level >= LogEventLevel.Error);
    }

    [Fact]
    public async Task AnUnknownPageStillGetsTheFriendly404ThroughTheErrorPage()
    {
        using var client = app.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, new Uri("/no-such-page", UriKind.Relative)));
        var page = HtmlPage.Parse("/no-such-page", await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.H1);
    }

    [Theory]
    [InlineData("/results/{result}")]
    [InlineData("/results/{result}/share")]
    [InlineData("/my-results")]
    [InlineData("/boards/{board}")]
    public async Task APostNamingNoHandlerOfThePageIsA400NotAServerError(string template)
    {
        var api = new BoardClient(app);
        var result = await api.CreateResultAsync();
        var board = await api.CreateBoardAsync();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await HtmlPage.LoadAsync(client, "/boards/new");
        var token = form.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException("no antiforgery token");
        var path = template.Replace("{result}", result.Id, StringComparison.Ordinal).Replace("{board}", board.Id, StringComparison.Ordinal);

        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"POST {path} answered {(int)response.StatusCode}");
        Assert.True(await api.StoredBoardsAsync() == 1, "a post without a handler made a board");
    }

    public void Dispose()
    {
        app.Dispose();
        factory.Dispose();
    }

    /// <summary>One route of every page kind, with real ids where the page needs them, and the methods each handles.</summary>
    private async Task<List<(string Path, string Allow)>> PageRoutesAsync()
    {
        var api = new BoardClient(app);
        var result = await api.CreateResultAsync();
        var board = await api.CreateBoardAsync();
        var article = app.Services.GetRequiredService<ArticleLibrary>().Sections[0].Url;
        return
        [
            ("/", ReadOnlyPage),
            (article, ReadOnlyPage),
            ("/article/no-such-section", ReadOnlyPage),
            ("/api-docs", ReadOnlyPage),
            ("/check", PageMethods),
            ("/check/warning-signs", PageMethods),
            ("/check/no-such-step", PageMethods),
            ("/check/review", PageMethods),
            ("/check/emergency", PageMethods),
            ($"/results/{result.Id}", PageMethods),
            ("/results/AAAAAAAAAAAAAAAAAAAAAA", PageMethods),
            ($"/results/{result.Id}/share", PageMethods),
            ("/results/deleted", ReadOnlyPage),
            ("/my-results", PageMethods),
            ("/boards/new", PageMethods),
            ($"/boards/{board.Id}", PageMethods),
            ("/boards/deleted", ReadOnlyPage),
            ($"/join/{board.JoinId}", PageMethods),
            ("/join/AAAAAAAAAAAAAAAAAAAAAAAA", PageMethods),
        ];
    }

    /// <summary>
    /// A client of the started app, with the start-up's log events cleared: the probes answer for
    /// what requests log (EF logs a failed look-up of the migrations table at Error when it creates
    /// a fresh PostgreSQL database, which is start-up, not a request).
    /// </summary>
    private async Task<HttpClient> StartedClientAsync()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var warmUp = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.False(sink.Events.IsEmpty, "the test sink received nothing: the log capture is not wired up");
        sink.Events.Clear();
        return client;
    }
}
