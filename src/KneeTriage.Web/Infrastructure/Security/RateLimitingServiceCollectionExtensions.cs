using System.Threading.RateLimiting;
using KneeTriage.Web.Infrastructure.OptionsValidation;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Infrastructure.Security;

public static class RateLimitingServiceCollectionExtensions
{
    /// <summary>
    /// Per-client fixed-window limits on storing results and on looking results up by token
    /// (see <see cref="RateLimitPolicies.Classify"/>). Counters live in memory, per instance:
    /// with several instances each allows the limit, which still stops floods and token guessing.
    /// </summary>
    public static IServiceCollection AddSiteRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.SectionName)
            .ValidateProblem(options => options.Problem())
            .ValidateOnStart();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RateLimitingOptions>>((limiter, site) =>
            {
                var options = site.Value;
                limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPolicies.Classify(context) switch
                    {
                        RateLimitPolicies.Submissions => Partition(RateLimitPolicies.Submissions, options.Submissions, context),
                        RateLimitPolicies.Lookups => Partition(RateLimitPolicies.Lookups, options.Lookups, context),
                        _ => RateLimitPartition.GetNoLimiter(string.Empty),
                    });
                limiter.OnRejected = (rejected, cancellationToken) => RateLimitRejection.WriteAsync(rejected, options, cancellationToken);
            });
        return services;
    }

    /// <summary>After routing, so rejected requests still get the security headers and a logged 429.</summary>
    public static IApplicationBuilder UseSiteRateLimiting(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        return options.Enabled ? app.UseRateLimiter() : app;
    }

    private static RateLimitPartition<string> Partition(string policy, RateLimitRule rule, HttpContext context) =>
        RateLimitPartition.GetFixedWindowLimiter($"{policy} {ClientPartition.KeyFor(context)}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.PermitLimit,
            Window = rule.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
