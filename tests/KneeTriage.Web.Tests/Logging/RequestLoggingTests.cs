using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog.Core;
using Serilog.Events;

namespace KneeTriage.Web.Tests.Logging;

/// <summary>A share token in a URL must never reach a log sink, whatever logs the request.</summary>
public sealed class RequestLoggingTests
{
    private const string Token = "SecretToken0123456789abcd";
    private const string DeleteKey = "SecretDeleteKey987";

    [Fact]
    public async Task ShareTokensAndQueryStringsNeverReachTheLogs()
    {
        var sink = new CollectingLogSink();
        using var factory = KneeTriageAppFactory.With(new Dictionary<string, string?>
        {
            // As chatty as an operator might make it: route values and handler arguments included.
            ["Serilog:MinimumLevel:Default"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
            // The framework's request scope too (RequestPath, with the token in it), which is off by default.
            ["RequestLogging:RequestScope"] = "true",
        }).WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(sink);
            services.AddSingleton<IStartupFilter, LogInsideEveryRequest>();
        }));
        var client = factory.CreateClient();

        await client.GetAsync($"/results/{Token}?key={DeleteKey}");
        await client.GetAsync($"/api/assessments/{Token}");
        await client.GetAsync($"/results/{Token}/qr");

        var events = sink.Events.ToList();
        var messages = string.Join('\n', events.Select(e => e.RenderMessage()));
        Assert.True(
            events.Any(e => e.RenderMessage().Contains("/results/{redacted}", StringComparison.Ordinal)),
            $"expected a request line for /results/{{redacted}}; the log has:\n{messages}");
        Assert.True(
            events.Any(e => e.MessageTemplate.Text == "Inside a request"),
            $"expected the test's own log line; the log has:\n{messages}");
        foreach (var logEvent in events)
        {
            var everything = logEvent.RenderMessage() + " " + string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
            Assert.False(everything.Contains(Token, StringComparison.Ordinal), $"a log event carries the share token: {everything}");
            Assert.False(everything.Contains(DeleteKey, StringComparison.Ordinal), $"a log event carries the query string: {everything}");
        }
    }

    [Fact]
    public async Task ByDefaultAnEventLoggedInsideARequestCarriesNoRequestScope()
    {
        var inside = await EventLoggedInsideARequestAsync(new Dictionary<string, string?>());

        Assert.False(inside.Properties.ContainsKey("RequestId"), "The request scope is on by default; decision 0021 turns it off.");
        Assert.False(inside.Properties.ContainsKey("RequestPath"), "The request scope is on by default; decision 0021 turns it off.");
    }

    [Fact]
    public async Task WithRequestScopeOnAnEventLoggedInsideARequestCarriesItsRequestIdAndRedactedPath()
    {
        var inside = await EventLoggedInsideARequestAsync(new Dictionary<string, string?> { ["RequestLogging:RequestScope"] = "true" });

        Assert.True(inside.Properties.ContainsKey("RequestId"), "RequestLogging:RequestScope=true gave events no RequestId.");
        Assert.Equal("\"/results/{redacted}\"", inside.Properties["RequestPath"].ToString());
    }

    private static async Task<LogEvent> EventLoggedInsideARequestAsync(Dictionary<string, string?> settings)
    {
        var sink = new CollectingLogSink();
        settings["Serilog:MinimumLevel:Default"] = "Information";
        using var factory = KneeTriageAppFactory.With(settings).WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(sink);
            services.AddSingleton<IStartupFilter, LogInsideEveryRequest>();
        }));

        await factory.CreateClient().GetAsync($"/results/{Token}");

        return Assert.Single(sink.Events, e => e.MessageTemplate.Text == "Inside a request");
    }

    /// <summary>Stands in for any feature that logs while handling a request (and so picks up ASP.NET Core's request scope).</summary>
    private sealed class LogInsideEveryRequest : IStartupFilter
    {
        // First in the pipeline, so it runs whichever endpoint (or none) then handles the request.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate nextMiddleware) =>
            {
                context.RequestServices.GetRequiredService<ILogger<LogInsideEveryRequest>>().LogInformation("Inside a request");
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
