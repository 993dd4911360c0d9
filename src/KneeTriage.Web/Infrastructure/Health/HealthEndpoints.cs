using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KneeTriage.Web.Infrastructure.Health;

public static class HealthEndpoints
{
    /// <summary>The tag of checks that readiness runs (the database, registered with the storage).</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// /healthz is liveness: the process answers, nothing else is asked (a restart cannot fix a
    /// database that is down). /healthz/ready runs the framework's health checks tagged
    /// <see cref="ReadyTag"/> and answers 503 while the database cannot be reached, so a proxy or
    /// load balancer sends no traffic to an instance that could not store a result.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        // No check runs for liveness; the framework's endpoint still answers 200 with its no-cache headers.
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteOk })
            .ExcludeFromDescription();
        endpoints.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .ExcludeFromDescription();
        return endpoints;
    }

    private static Task WriteOk(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("ok");
    }
}
