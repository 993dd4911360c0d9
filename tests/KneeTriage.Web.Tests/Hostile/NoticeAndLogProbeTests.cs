using System.Diagnostics.Metrics;
using System.Net;
using KneeTriage.Web.Infrastructure.Security;
using KneeTriage.Web.Tests.Boards;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace KneeTriage.Web.Tests.Hostile;

/// <summary>
/// What a link or a bot can make the site say or log: a forged deletion notice from the query
/// (<c>/my-results?deleted=999</c> said "999 results have been deleted"), and a Warning per
/// refused form post or per view of a board page. Refused posts are counted and logged at Debug.
/// </summary>
public sealed class NoticeAndLogProbeTests : IDisposable
{
    private readonly CollectingLogSink sink = new();
    private readonly RateLimitsOffAppFactory factory = RateLimitsOffAppFactory.With(new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Debug" });
    private readonly WebApplicationFactory<Program> app;

    public NoticeAndLogProbeTests() =>
        app = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(sink)));

    [Theory]
    [InlineData("/my-results?deleted=999")]
    [InlineData("/my-results?deleted=1")]
    [InlineData("/my-results?Deleted=5&handler=DeleteAll")]
    public async Task ALinkCannotMakeTheListSayResultsWereDeleted(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var page = HtmlPage.Parse(path, await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.Document.QuerySelector(".notice"));
        Assert.DoesNotContain("deleted", page.Document.QuerySelector("main")?.TextContent ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ARefusedFormPostIsCountedAndLoggedAtDebugNotWarned()
    {
        var failures = 0L;
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == AntiforgeryFailures.CounterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref failures, value));
        listener.Start();
        using var client = app.CreateClient();
        await WarmUpAsync(client);

        foreach (var path in new[] { "/boards/new", "/check/warning-signs", "/my-results?handler=DeleteAll" })
        {
            using var refused = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([new("Name", "x")]));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Equal(3, Interlocked.Read(ref failures));
        Assert.Equal(3, sink.Events.Count(e => e.Level == LogEventLevel.Debug && e.MessageTemplate.Text.StartsWith("Antiforgery validation failed", StringComparison.Ordinal)));
        Assert.DoesNotContain(sink.Events, e => e.Level >= LogEventLevel.Warning);
    }

    [Fact]
    public async Task ViewingTheFormPagesOfBoardsLogsNoWarning()
    {
        var api = new BoardClient(app);
        var board = await api.CreateBoardAsync();
        using var client = app.CreateClient();
        await WarmUpAsync(client);

        foreach (var path in new[] { "/boards/new", $"/boards/{board.Id}", $"/join/{board.JoinId}", "/my-results", "/check/warning-signs" })
        {
            using var page = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.True(page.Headers.CacheControl?.NoStore, $"{path} may be stored by a cache");
        }

        var warnings = sink.Events.Where(e => e.Level >= LogEventLevel.Warning).Select(e => e.RenderMessage()).ToList();
        Assert.True(warnings.Count == 0, string.Join('\n', warnings));
    }

    /// <summary>The data-protection key is made (and its start-up warning logged) with the first form; only what follows is examined.</summary>
    private async Task WarmUpAsync(HttpClient client)
    {
        using var form = await client.GetAsync(new Uri("/check/warning-signs", UriKind.Relative));
        Assert.False(sink.Events.IsEmpty, "the test sink received nothing: the log capture is not wired up");
        sink.Events.Clear();
    }

    public void Dispose()
    {
        app.Dispose();
        factory.Dispose();
    }
}
