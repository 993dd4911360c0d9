using Serilog;
using Serilog.Events;

namespace KneeTriage.Web.Logging;

public static class LoggingServiceCollectionExtensions
{
    /// <summary>
    /// Serilog configured from the "Serilog" section of appsettings. Each host builds its own
    /// logger (no static bootstrap logger), so many test hosts can run side by side.
    /// </summary>
    public static IServiceCollection AddSiteLogging(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSerilog((provider, logger) => logger
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(provider)
            .Enrich.FromLogContext()
            .Enrich.With<SensitivePathEnricher>());

    /// <summary>
    /// One log line per request with method, path (secrets redacted, never the query string, which
    /// may carry a token), status and time.
    /// </summary>
    public static IApplicationBuilder UseSiteRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetMessageTemplateProperties = (context, _, elapsed, statusCode) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(SensitivePath.Redact(context.Request.Path.Value))),
                new LogEventProperty("StatusCode", new ScalarValue(statusCode)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });
}
