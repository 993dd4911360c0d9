using KneeTriage.Web.Infrastructure.OptionsValidation;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;
using Serilog.Settings.Configuration;

namespace KneeTriage.Web.Infrastructure.Logging;

public static class LoggingServiceCollectionExtensions
{
    /// <summary>
    /// Serilog configured from the "Serilog" section of appsettings. Each host keeps its own
    /// logger and leaves the static <c>Log.Logger</c> alone, so test hosts running side by side
    /// never write into each other's sinks.
    /// </summary>
    public static IServiceCollection AddSiteLogging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestLoggingOptions>()
            .BindConfiguration(RequestLoggingOptions.SectionName)
            .ValidateProblem(options => options.Problem())
            .ValidateOnStart();
        services.AddSingleton<CacheHitTally>();
        services.AddHostedService<CacheHitSummaryService>();
        return services.AddSerilog(
            (provider, logger) =>
            {
                logger
                    .ReadFrom.Configuration(configuration, SinkAssemblies)
                    // Enrichers registered as services (LogPrivacy/) run on every event.
                    .ReadFrom.Services(provider)
                    .Enrich.FromLogContext();
                if (!provider.GetRequiredService<IOptions<RequestLoggingOptions>>().Value.RequestScope)
                {
                    // The hosting layer opens a log scope and an Activity for each request only when
                    // its own logger is enabled at some level; it logs nothing else the site keeps
                    // (its request lines are below the "Microsoft.AspNetCore" override).
                    logger.MinimumLevel.Override(HostingDiagnosticsCategory, LevelAlias.Off);
                }
            },
            preserveStaticLogger: true);
    }

    /// <summary>
    /// Where the "Serilog" section's sinks are looked up: the packages this app ships, named, so
    /// Serilog does not scan every dependency for them at start-up (about 40 ms on the 2-core
    /// machine, docs/decisions/0042). A sink added to appsettings is found through the section's
    /// "Using" list, as these two are named there.
    /// </summary>
    private static readonly ConfigurationReaderOptions SinkAssemblies = new(
        typeof(ConsoleLoggerConfigurationExtensions).Assembly,
        typeof(LoggerConfigurationAsyncExtensions).Assembly);

    /// <summary>The framework's per-request logger: its scope carries RequestId, RequestPath and ConnectionId.</summary>
    private const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// One log line per request with method, path (secrets redacted, never the query string, which
    /// may carry a token), status and time. Pages served from memory are logged at
    /// RequestLogging:CacheHitLevel (Debug unless set) and counted in a summary line instead.
    /// </summary>
    public static IApplicationBuilder UseSiteRequestLogging(this IApplicationBuilder app)
    {
        var cacheHitLevel = app.ApplicationServices.GetRequiredService<IOptions<RequestLoggingOptions>>().Value.CacheHitLevel;
        var tally = app.ApplicationServices.GetRequiredService<CacheHitTally>();
        return app.UseSerilogRequestLogging(options =>
        {
            // This host's logger, not the static one (see AddSiteLogging).
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = (context, _, exception) => RequestLogLevel.For(context, exception, cacheHitLevel, tally);
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetMessageTemplateProperties = (context, _, elapsed, statusCode) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                // Redacted by LogPrivacy's enrichers, like every other property of every event.
                new LogEventProperty("RequestPath", new ScalarValue(context.Request.Path.Value)),
                new LogEventProperty("StatusCode", new ScalarValue(statusCode)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });
    }
}
