using KneeTriage.Web.Data;
using KneeTriage.Web.Infrastructure.Security;

namespace KneeTriage.Web.MyResults;

/// <summary>One result this browser made: its token and the delete key that proves it.</summary>
public sealed record BrowserResult(string Token, string DeleteKey);

/// <summary>
/// The results this browser made, kept only in the browser (nothing about the browser is stored on
/// the server): one HttpOnly cookie per result, named after its token and holding its delete key.
/// They are sent only to the pages that list them (<c>/my-results</c>) and offer one to a coach's
/// board (<c>/join/...</c>), so the keys do not travel with every request. One cookie per result
/// rather than one list, because the page that makes a result (<c>/check/review</c>) does not
/// receive the others and so could not rewrite a list without losing them.
/// </summary>
public static class BrowserResultsCookie
{
    public const string NamePrefix = "kt-r-";

    /// <summary>The paths that receive the cookies; a cookie has one path, so each is written once per path.</summary>
    public static readonly IReadOnlyList<string> Paths = ["/my-results", "/join"];

    /// <summary>As long as the result page's own delete-key cookie.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    /// <summary>The results whose cookies came with this request; anything malformed is ignored, never trusted.</summary>
    public static IReadOnlyList<BrowserResult> Read(HttpRequest request) =>
        [.. request.Cookies
            .Where(c => c.Key.StartsWith(NamePrefix, StringComparison.Ordinal))
            .Select(c => new BrowserResult(c.Key[NamePrefix.Length..], c.Value))
            .Where(r => ShareToken.IsWellFormed(r.Token) && IsWellFormedKey(r.DeleteKey))];

    /// <summary>Remembers a result this browser has just made.</summary>
    public static void Add(HttpResponse response, BrowserResult result)
    {
        foreach (var path in Paths)
        {
            response.Cookies.Append(NamePrefix + result.Token, result.DeleteKey, Options(response.HttpContext.Request, path, Lifetime));
        }
    }

    /// <summary>Forgets a result (deleted, or removed from the list).</summary>
    public static void Remove(HttpResponse response, string token)
    {
        foreach (var path in Paths)
        {
            response.Cookies.Delete(NamePrefix + token, Options(response.HttpContext.Request, path, maxAge: null));
        }
    }

    private static bool IsWellFormedKey(string key) =>
        key.Length == DeleteKey.Length && key.All(ShareToken.IsBase64UrlCharacter);

    private static CookieOptions Options(HttpRequest request, string path, TimeSpan? maxAge) => SecretCookie.Options(request, path, maxAge);
}
