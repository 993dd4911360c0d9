namespace KneeTriage.Web.Security;

/// <summary>The kinds of request that are rate-limited, each with its own budget per client.</summary>
public static class RateLimitPolicies
{
    /// <summary>Stores a result, makes a board or shares a series with one.</summary>
    public const string Submissions = "submissions";

    /// <summary>Looks up (or deletes) a result, a board, a join link or a share by its token.</summary>
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
            && (IsExactly(path, "/api/assessments") || IsExactly(path, "/check/review")
                || IsExactly(path, "/api/boards") || IsExactly(path, "/api/shares") || IsExactly(path, "/boards/new")))
        {
            return Submissions;
        }

        if (IsExactly(path, "/boards/new"))
        {
            return null;
        }

        if (HasTokenSegment(path, "/results/") || HasTokenSegment(path, "/api/assessments/")
            || HasTokenSegment(path, "/boards/") || HasTokenSegment(path, "/api/boards/")
            || HasTokenSegment(path, "/join/") || HasTokenSegment(path, "/api/shares/"))
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
