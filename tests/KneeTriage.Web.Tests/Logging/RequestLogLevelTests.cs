using KneeTriage.Web.Infrastructure.Logging;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace KneeTriage.Web.Tests.Logging;

/// <summary>
/// Pages served from memory are logged below Information and counted in a summary line; every
/// other request keeps its own line at Information, failures at Error.
/// </summary>
public sealed class RequestLogLevelTests
{
    private const string RequestLine = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";

    [Fact]
    public async Task TheFirstViewOfAPageIsLoggedAtInformationAndRepeatsFromMemoryAtDebugThenCounted()
    {
        var sink = new CollectingLogSink();
        using var factory = WithSink(sink, new() { ["Serilog:MinimumLevel:Default"] = "Debug" });
        var client = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync("/article/causes")).EnsureSuccessStatusCode();
        }

        var lines = RequestLinesFor(sink, "/article/causes");
        Assert.Equal([LogEventLevel.Information, LogEventLevel.Debug, LogEventLevel.Debug], lines.Select(e => e.Level));

        factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<CacheHitSummaryService>().Single()
            .WriteSummary(TimeSpan.FromMinutes(1));
        var summary = Assert.Single(sink.Events, e => e.MessageTemplate.Text.StartsWith("Served {Count} responses from memory", StringComparison.Ordinal));
        Assert.Equal(LogEventLevel.Information, summary.Level);
        Assert.Equal("2", summary.Properties["Count"].ToString());
    }

    [Fact]
    public async Task WithCacheHitLevelInformationEveryRequestHasItsOwnInformationLine()
    {
        var sink = new CollectingLogSink();
        using var factory = WithSink(sink, new() { ["Serilog:MinimumLevel:Default"] = "Information", ["RequestLogging:CacheHitLevel"] = "Information" });
        var client = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync("/article/causes")).EnsureSuccessStatusCode();
        }

        Assert.Equal(3, RequestLinesFor(sink, "/article/causes").Count(e => e.Level == LogEventLevel.Information));
    }

    [Fact]
    public async Task ANotFoundIsAlwaysLoggedAtInformation()
    {
        var sink = new CollectingLogSink();
        using var factory = WithSink(sink, new() { ["Serilog:MinimumLevel:Default"] = "Information" });
        var client = factory.CreateClient();

        await client.GetAsync("/article/no-such-section");
        await client.GetAsync("/article/no-such-section");

        Assert.Equal(2, RequestLinesFor(sink, "/article/no-such-section").Count(e => e.Level == LogEventLevel.Information));
    }

    [Fact]
    public void TheSiteRegistersNoAuthenticationSoNoAuthenticationMiddlewareRuns()
    {
        using var factory = new KneeTriageAppFactory();
        Assert.Null(factory.Services.GetService<IAuthenticationSchemeProvider>());
    }

    [Theory]
    [InlineData("RequestLogging:SummaryInterval", "00:00:00", "SummaryInterval must be greater than zero")]
    [InlineData("RequestLogging:CacheHitLevel", "Loud", "RequestLogging:CacheHitLevel")]
    public void ABadRequestLoggingSettingStopsStartUpNamingIt(string key, string value, string expected)
    {
        using var factory = KneeTriageAppFactory.With(new Dictionary<string, string?> { [key] = value });
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains(expected, messages, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    private static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithSink(CollectingLogSink sink, Dictionary<string, string?> settings) =>
        KneeTriageAppFactory.With(settings).WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(sink)));

    private static List<LogEvent> RequestLinesFor(CollectingLogSink sink, string path) =>
        sink.Events.Where(e => e.MessageTemplate.Text == RequestLine && e.Properties["RequestPath"].ToString() == $"\"{path}\"").ToList();
}
