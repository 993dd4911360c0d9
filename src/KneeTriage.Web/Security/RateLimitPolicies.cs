namespace KneeTriage.Web.Security;

/// <summary>The kinds of request that are rate-limited, each with its own budget per client.</summary>
public static class RateLimitPolicies
{
    /// <summary>Stores a result.</summary>
    public const string Submissions = "submissions";

    /// <summary>Looks up (or deletes) a result by its share token.</summary>
    public const string Lookups = "lookups";

    /// <summary>
    /// Which budget a request spends, from its method and path alone, so endpoints need no
    /// attributes and a new route under these prefixes is covered without anyone remembering to.
    /// Null: not limited (articles, the questionnaire's steps, static files, health).
    /// </summary>
    public static string? Classify(HttpRequest request)
    {
        var path = request.Path;
        if (HttpMethods.IsPost(request.Method)
            && (IsExactly(path, "/api/assessments") || IsExactly(path, "/check/review")))
        {
            return Submissions;
        }

        // /my-results looks up (and deletes) every result whose cookie the browser sends.
        if (HasTokenSegment(path, "/results/") || HasTokenSegment(path, "/api/assessments/")
            || path.StartsWithSegments("/my-results", StringComparison.OrdinalIgnoreCase))
        {
            return Lookups;
        }

        return null;
    }

    private static bool IsExactly(PathString path, string expected) =>
        path.Equals(expected, StringComparison.OrdinalIgnoreCase)
        || path.Equals(expected + "/", StringComparison.OrdinalIgnoreCase);

    private static bool HasTokenSegment(PathString path, string prefix) =>
        path.Value is { } value
        && value.Length > prefix.Length
        && value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
}
