using KneeTriage.Web.Infrastructure.Security;

namespace KneeTriage.Web.Boards;

/// <summary>
/// Gives the browser that made a board its delete key, in an HttpOnly cookie that only that board's
/// page receives (Path=/boards/{id}), so the coach can remove athletes or delete the board without
/// pasting the key. A fresh browser has no cookie and pastes the key instead.
/// </summary>
public static class BoardKeyCookie
{
    public const string Name = "kt-board-key";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    public static void Give(HttpResponse response, string boardId, string deleteKey) =>
        response.Cookies.Append(Name, deleteKey, Options(response.HttpContext.Request, boardId, Lifetime));

    public static string? Read(HttpRequest request) => request.Cookies.TryGetValue(Name, out var key) ? key : null;

    public static void Remove(HttpResponse response, string boardId) =>
        response.Cookies.Delete(Name, Options(response.HttpContext.Request, boardId, maxAge: null));

    // The request's services: the two board pages that call this need no link helper of their own.
    private static CookieOptions Options(HttpRequest request, string boardId, TimeSpan? maxAge) =>
        SecretCookie.Options(request, request.HttpContext.RequestServices.GetRequiredService<BoardLinks>().Board(boardId), maxAge);
}
