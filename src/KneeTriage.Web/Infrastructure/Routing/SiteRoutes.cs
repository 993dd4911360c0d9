using System.Collections.Frozen;

namespace KneeTriage.Web.Infrastructure.Routing;

/// <summary>What a route's path or page holds that must not leak.</summary>
public enum RouteSecrecy
{
    /// <summary>
    /// A secret in the path (a share token): masked in every log event, answered with no-store,
    /// no-referrer and noindex, and looked up on the per-client lookup budget.
    /// </summary>
    TokenInPath,

    /// <summary>No secret in the path, but the answer shows one (a list of a runner's links, a new result's 201): no-store, no-referrer, noindex.</summary>
    ShowsTokens,

    /// <summary>Route parameters that are not secrets (an article slug, a step name, an error code).</summary>
    Public,
}

/// <summary>A route pattern exactly as mapped (<c>@page "..."</c> or <c>MapGet("...")</c> with its group's prefix).</summary>
public sealed record SiteRoute(string Pattern, RouteSecrecy Secrecy);

/// <summary>
/// The one list of routes that carry or show secrets, read by log redaction (LogPrivacy/), the
/// no-store headers (<see cref="SecretRouteHeaders"/>) and the rate limits (Security/). Every
/// route with a parameter must be listed here, as a secret or as public: a test over every
/// endpoint the app maps fails otherwise.
/// <para>
/// Declaring a new token-bearing route is one line in <see cref="All"/>, e.g.
/// <c>new("/boards/{boardId}", RouteSecrecy.TokenInPath)</c>; a POST that stores something adds
/// its path to <see cref="Submissions"/>.
/// </para>
/// </summary>
public static class SiteRoutes
{
    public static readonly IReadOnlyList<SiteRoute> All =
    [
        new("/results/{token}", RouteSecrecy.TokenInPath),
        new("/api/assessments/{id}", RouteSecrecy.TokenInPath),
        // The same result as FHIR (Fhir/) and its reminder (Reminders/).
        new("/api/assessments/{id}/fhir", RouteSecrecy.TokenInPath),
        new("/results/{token}/next-check.ics", RouteSecrecy.TokenInPath),
        // Answered at a result's address, after its deletion.
        new("/results/deleted", RouteSecrecy.ShowsTokens),
        // The 201 of a new assessment holds its token and delete key.
        new("/api/assessments", RouteSecrecy.ShowsTokens),
        // Links to every result this browser made (and their tokens in its delete forms).
        new("/my-results", RouteSecrecy.ShowsTokens),
        // Coach boards: the board link, the join link, the API's ids, and the result page's sharing forms.
        new("/boards/{boardId}", RouteSecrecy.TokenInPath),
        new("/boards/{boardId}/poster", RouteSecrecy.TokenInPath),
        new("/join/{joinId}", RouteSecrecy.TokenInPath),
        new("/api/boards/{id}", RouteSecrecy.TokenInPath),
        new("/api/shares/{shareId}", RouteSecrecy.TokenInPath),
        new("/results/{token}/share", RouteSecrecy.TokenInPath),
        // A new board's page and 201 show its links and delete key; a share's 201 its id.
        new("/boards/new", RouteSecrecy.ShowsTokens),
        new("/api/boards", RouteSecrecy.ShowsTokens),
        new("/api/shares", RouteSecrecy.ShowsTokens),
        // Answered at a board's address, after its deletion.
        new("/boards/deleted", RouteSecrecy.ShowsTokens),
        new("/article/{slug}", RouteSecrecy.Public),
        new("/check/{stepId}", RouteSecrecy.Public),
        new("/error/{code:int?}", RouteSecrecy.Public),
        new("/openapi/{documentName}.json", RouteSecrecy.Public),
    ];

    /// <summary>POSTs to these paths store something (a result, a board, a share): they spend the per-client submission budget.</summary>
    public static readonly IReadOnlyList<string> Submissions = ["/api/assessments", "/check/review", "/api/boards", "/api/shares", "/boards/new"];

    /// <summary>
    /// Routes with no token in the path that look results up by the tokens the browser's cookies
    /// name (one lookup per cookie): they spend the lookup budget like a token route.
    /// </summary>
    public static readonly IReadOnlyList<string> CookieLookups = ["/my-results"];

    /// <summary>
    /// The literal start of every token-bearing path, up to its first parameter ("/results/"):
    /// log redaction masks the segment after it wherever it appears in logged text.
    /// </summary>
    public static readonly IReadOnlyList<string> SecretPathPrefixes =
        [.. All.Where(r => r.Secrecy == RouteSecrecy.TokenInPath).Select(r => r.Pattern[..r.Pattern.IndexOf('{', StringComparison.Ordinal)]).Distinct(StringComparer.OrdinalIgnoreCase)];

    // Keyed by the pattern as routing reports it, with and without its leading slash (Razor Pages
    // drop it), so a request pays one hash lookup and no string building.
    private static readonly FrozenDictionary<string, RouteSecrecy> ByPattern = All
        .SelectMany(r => new[] { (Key: r.Pattern, r.Secrecy), (Key: r.Pattern.TrimStart('/'), r.Secrecy) })
        .ToFrozenDictionary(e => e.Key, e => e.Secrecy, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> SubmissionPatterns = Submissions
        .SelectMany(p => new[] { p, p.TrimStart('/') })
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> CookieLookupPatterns = CookieLookups
        .SelectMany(p => new[] { p, p.TrimStart('/') })
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>How the endpoint's route is declared here; null for a route without parameters that shows no secret (or no endpoint).</summary>
    public static RouteSecrecy? SecrecyOf(Endpoint? endpoint) =>
        endpoint is RouteEndpoint { RoutePattern.RawText: { } pattern } && ByPattern.TryGetValue(pattern, out var secrecy) ? secrecy : null;

    /// <summary>Whether this request spends the lookup budget: a token route, or one of <see cref="CookieLookups"/>.</summary>
    public static bool IsLookup(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern }
        && (ByPattern.GetValueOrDefault(pattern, RouteSecrecy.Public) == RouteSecrecy.TokenInPath || CookieLookupPatterns.Contains(pattern));

    /// <summary>Whether this request stores a result (a POST to one of <see cref="Submissions"/>).</summary>
    public static bool IsSubmission(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern }
        && SubmissionPatterns.Contains(pattern);
}
