namespace KneeTriage.Web.Logging;

/// <summary>
/// Hides the secret part of a request path before it is logged: a share token after
/// <c>/results/</c> or <c>/api/assessments/</c> is as good as a password for that result.
/// </summary>
public static class SensitivePath
{
    public const string Mask = "{redacted}";

    /// <summary>Prefixes whose next path segment is a secret. Add a prefix here when a new URL carries one.</summary>
    public static readonly IReadOnlyList<string> SecretSegmentPrefixes = ["/results/", "/api/assessments/"];

    public static string Redact(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return path ?? string.Empty;
        }

        foreach (var prefix in SecretSegmentPrefixes)
        {
            var start = path.IndexOf(prefix, StringComparison.OrdinalIgnoreCase);
            if (start < 0)
            {
                continue;
            }

            var secretStart = start + prefix.Length;
            var secretEnd = path.IndexOf('/', secretStart);
            if (secretEnd < 0)
            {
                secretEnd = path.Length;
            }

            if (secretEnd > secretStart)
            {
                return string.Concat(path.AsSpan(0, secretStart), Mask, path.AsSpan(secretEnd));
            }
        }

        return path;
    }
}
