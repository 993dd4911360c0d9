using KneeTriage.Web.Infrastructure.Routing;

namespace KneeTriage.Web.Infrastructure.LogPrivacy;

/// <summary>
/// Hides the secret part of a request path before it is logged: a share token after
/// <c>/results/</c> or <c>/api/assessments/</c> is as good as a password for that result. The
/// prefixes come from the one list of token-bearing routes, <see cref="SiteRoutes"/>.
/// </summary>
public static class SensitivePath
{
    public const string Mask = "{redacted}";

    /// <summary>Prefixes whose next path segment is a secret: declared once, in <see cref="SiteRoutes.All"/>.</summary>
    public static IReadOnlyList<string> SecretSegmentPrefixes => SiteRoutes.SecretPathPrefixes;

    private static readonly char[] SegmentEnds = ['/', '?', '#', '"', ' '];

    /// <summary>The path (or URL, or any text holding one) with the secret segment replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return path ?? string.Empty;
        }

        // Most logged strings (ids, status texts, names) hold no path at all; every request's log
        // line runs through here several times, so they leave before the case-blind searches.
        if (!path.Contains('/', StringComparison.Ordinal))
        {
            return path;
        }

        var result = path;
        foreach (var prefix in SecretSegmentPrefixes)
        {
            var searchFrom = 0;
            while (searchFrom < result.Length)
            {
                var start = result.IndexOf(prefix, searchFrom, StringComparison.OrdinalIgnoreCase);
                if (start < 0)
                {
                    break;
                }

                var secretStart = start + prefix.Length;
                var secretEnd = result.IndexOfAny(SegmentEnds, secretStart);
                if (secretEnd < 0)
                {
                    secretEnd = result.Length;
                }

                if (secretEnd > secretStart && !result.AsSpan(secretStart, secretEnd - secretStart).SequenceEqual(Mask))
                {
                    result = string.Concat(result.AsSpan(0, secretStart), Mask, result.AsSpan(secretEnd));
                    secretEnd = secretStart + Mask.Length;
                }

                searchFrom = secretEnd;
            }
        }

        // Unchanged text keeps its identity, so callers can skip rewriting it.
        return result == path ? path : result;
    }
}
