using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace KneeTriage.Web.Infrastructure.AllowedHosts;

/// <summary>
/// AllowedHosts (narrowed by Site:PublicUrl, see AddBehindProxy) enforced inside the site's own
/// pipeline, so a request naming another host gets the contract's 400: problem+json under /api/ and
/// the site's error page elsewhere, with the security headers. The framework's host filtering runs
/// first of all and answers with a bare HTML page ("Invalid Hostname") that has none of them, so it
/// is taken out; the same options and the same matching decide here.
/// </summary>
public static class SiteHostFiltering
{
    /// <summary>Removes the framework's own host-filtering middleware (a startup filter placed before everything).</summary>
    public static IServiceCollection AddSiteHostFiltering(this IServiceCollection services)
    {
        var frameworks = services.Where(d => d.ServiceType == typeof(IStartupFilter) && d.ImplementationType?.Name == "HostFilteringStartupFilter").ToList();
        foreach (var descriptor in frameworks)
        {
            services.Remove(descriptor);
        }

        return services;
    }

    /// <summary>
    /// Inside the error pages: a refused host gets an empty 400 that they turn into problem+json or the
    /// error page. The error page's own re-executed request is let through (it has no other host to show).
    /// </summary>
    public static WebApplication UseSiteHostFiltering(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<HostFilteringOptions>>();
        app.Use((context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && !IsAllowed(context.Request.Host, options.CurrentValue))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }

    private static bool IsAllowed(HostString host, HostFilteringOptions options)
    {
        if (options.AllowedHosts.Count == 0 || options.AllowedHosts.Contains("*"))
        {
            return true;
        }

        if (!host.HasValue)
        {
            return options.AllowEmptyHosts;
        }

        return HostString.MatchesAny(new StringSegment(host.Host), [.. options.AllowedHosts.Select(h => new StringSegment(h))]);
    }
}
