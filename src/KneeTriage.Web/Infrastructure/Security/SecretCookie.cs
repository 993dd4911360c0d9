namespace KneeTriage.Web.Infrastructure.Security;

/// <summary>
/// The options of every cookie that holds a key (a result's delete key, a board's key, the
/// browser's list of its results): never readable by script, sent only to its own path and only
/// from this site, Secure whenever the request came over HTTPS. One place, so the keys' cookies
/// cannot drift apart.
/// </summary>
public static class SecretCookie
{
    /// <param name="maxAge">How long the browser keeps it; null when deleting it.</param>
    public static CookieOptions Options(HttpRequest request, string path, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = path,
        MaxAge = maxAge,
        IsEssential = true,
    };
}
