using KneeTriage.Web.Infrastructure.Security;

namespace KneeTriage.Web.Pages.Results;

/// <summary>
/// Gives the browser that created a result its delete key, in an HttpOnly cookie that only that
/// result's page receives (its Path is the page's own, from <see cref="ResultLinks"/>). Someone who
/// opens a shared link never has it.
/// </summary>
public static class DeleteKeyCookie
{
    public const string Name = "kt-delete-key";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    public static void Give(HttpResponse response, string token, string deleteKey) =>
        response.Cookies.Append(Name, deleteKey, Options(response.HttpContext.Request, token, Lifetime));

    public static string? Read(HttpRequest request) => request.Cookies.TryGetValue(Name, out var key) ? key : null;

    public static void Remove(HttpResponse response, string token) =>
        response.Cookies.Delete(Name, Options(response.HttpContext.Request, token, maxAge: null));

    // The request's services: the callers (two pages, the /my-results list) need no link helper of their own.
    private static CookieOptions Options(HttpRequest request, string token, TimeSpan? maxAge) =>
        SecretCookie.Options(request, request.HttpContext.RequestServices.GetRequiredService<ResultLinks>().Path(token), maxAge);
}
