using Microsoft.AspNetCore.OutputCaching;

namespace KneeTriage.Web.Articles;

/// <summary>
/// The output-cache policy for pages built only from the article library (the home page and the
/// guide), which changes only on restart. Registered with every other policy in
/// <c>Infrastructure/OutputCaching</c>.
/// </summary>
public static class ArticleCachePolicy
{
    public const string Name = "Article";

    /// <summary>How long the output cache keeps such a page (the replay in <see cref="ArticleReplayMiddleware"/> never outlives it).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>
    /// No request locking: it funnels every cache hit through a shared dispatcher (about 4% of an
    /// article view's CPU) to spare a few duplicate renders of a page that renders from memory anyway.
    /// </summary>
    public static void Build(OutputCachePolicyBuilder policy) => policy.Expire(Lifetime).Tag("article").SetLocking(false);
}
