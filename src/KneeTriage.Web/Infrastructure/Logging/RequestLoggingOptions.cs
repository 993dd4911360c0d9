using Serilog.Events;

namespace KneeTriage.Web.Infrastructure.Logging;

/// <summary>The "RequestLogging" section of appsettings.</summary>
public sealed class RequestLoggingOptions
{
    public const string SectionName = "RequestLogging";

    /// <summary>
    /// The level of the line for a successful response served from the output cache (an article or
    /// result page already in memory). Debug by default: the line costs about a fifth of such a
    /// request's CPU (decision 0009), and <see cref="SummaryInterval"/> still counts them at
    /// Information. Set Information for a line per request.
    /// </summary>
    public LogEventLevel CacheHitLevel { get; set; } = LogEventLevel.Debug;

    /// <summary>
    /// Whether every event logged during a request carries the request's scope (RequestId,
    /// RequestPath, ConnectionId) and trace ids. Off by default: the console template prints none of
    /// them, and the hosting layer's scope and <c>Activity</c> cost about 1.5 µs of an article view's
    /// 18 (decision 0021). Turn it on with a sink that shows properties; a tracing listener
    /// (OpenTelemetry) gets its activities either way. While false, the framework's
    /// Microsoft.AspNetCore.Hosting.Diagnostics category is off whatever Serilog's overrides say.
    /// </summary>
    public bool RequestScope { get; set; }

    /// <summary>How often the count of responses served from memory is logged (when there were any).</summary>
    public TimeSpan SummaryInterval { get; set; } = TimeSpan.FromMinutes(1);

    internal string? Problem() => SummaryInterval > TimeSpan.Zero ? null : $"{SectionName}:SummaryInterval must be greater than zero.";
}
