using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace KneeTriage.Web.Infrastructure.Security;

/// <summary>
/// A form posted without a valid antiforgery token (an expired page, a bot, a forged post) is a
/// routine event, not something to warn about on every request: each one is counted on the
/// <c>kneetriage.antiforgery.failures</c> counter (meter <see cref="MeterName"/>) and logged at
/// Debug. The 400 itself is the framework's; this only watches for it.
/// </summary>
public sealed class AntiforgeryFailures : IDisposable
{
    public const string MeterName = "KneeTriage.Web";
    public const string CounterName = "kneetriage.antiforgery.failures";

    private readonly Meter meter;
    private readonly Counter<long> failures;

    public AntiforgeryFailures(IMeterFactory meters)
    {
        meter = meters.Create(MeterName);
        failures = meter.CreateCounter<long>(CounterName, unit: "{request}", description: "Form posts refused for a missing or invalid antiforgery token.");
    }

    public void Record(HttpContext context, ILogger logger)
    {
        failures.Add(1);
        logger.LogDebug("Antiforgery validation failed for {Method} {Path}", context.Request.Method, context.Request.Path);
    }

    public void Dispose() => meter.Dispose();
}

/// <summary>Runs for every page result, short-circuited ones included, so it sees the antiforgery filter's 400.</summary>
public sealed class AntiforgeryFailureFilter(AntiforgeryFailures failures, ILogger<AntiforgeryFailureFilter> logger) : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            failures.Record(context.HttpContext, logger);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}

public static class AntiforgeryFailureServiceCollectionExtensions
{
    /// <summary>Antiforgery failures counted and logged at Debug (see <see cref="AntiforgeryFailures"/>).</summary>
    public static IServiceCollection AddAntiforgeryFailureCounting(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<AntiforgeryFailures>();
        services.Configure<MvcOptions>(options => options.Filters.AddService<AntiforgeryFailureFilter>());
        services.AddSingleton<AntiforgeryFailureFilter>();
        return services;
    }
}
