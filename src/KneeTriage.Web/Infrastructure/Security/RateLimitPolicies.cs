using KneeTriage.Web.Infrastructure.Routing;

namespace KneeTriage.Web.Infrastructure.Security;

/// <summary>The kinds of request that are rate-limited, each with its own budget per client.</summary>
public static class RateLimitPolicies
{
    /// <summary>Stores a result.</summary>
    public const string Submissions = "submissions";

    /// <summary>Looks up (or deletes) a result by its share token.</summary>
    public const string Lookups = "lookups";

    /// <summary>
    /// Which budget a request spends, from the route it matched as declared in the one list,
    /// <see cref="SiteRoutes"/>: a POST that stores a result spends the submission budget, any
    /// token-bearing route (and <see cref="SiteRoutes.CookieLookups"/>) the lookup budget. Null: not limited (articles, the questionnaire's
    /// steps, static files, health, and paths that match no route at all, which find nothing).
    /// </summary>
    public static string? Classify(HttpContext context) =>
        SiteRoutes.IsSubmission(context) ? Submissions
        : SiteRoutes.IsLookup(context) ? Lookups
        : null;
}
