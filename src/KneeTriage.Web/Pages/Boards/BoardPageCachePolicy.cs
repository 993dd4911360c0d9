using KneeTriage.Web.Boards;
using KneeTriage.Web.Data;
using KneeTriage.Web.Pages.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Pages.Boards;

/// <summary>
/// Output cache for a coach's board page and its JSON (<c>GET /api/boards/{id}</c>) (decision 0036). Rendering a board of 500 athletes costs
/// milliseconds; serving the copy costs one indexed lookup. Before any copy is served the board's
/// key hash is read by its token, so a deleted board (here, through another instance, or by
/// retention) is never served from memory. A copy is kept per viewer time zone (the times shown),
/// per "this browser holds the board's key" (it sees no key fields), per country and encoding (the
/// base policies). A request carrying a one-time notice (TempData) is never cached or served a copy.
/// What changes a board evicts its copies through <see cref="Submission.StoredResults"/>, the one
/// owner of the cache: the tags here name what a copy showed (the board, its join id, each shared
/// series, and "every board" for retention). The page states what it showed with <see cref="Shown"/>.
/// </summary>
public sealed class BoardPageCachePolicy(BoardStore boards, IOptions<CookieTempDataProviderOptions> tempData, TimeProvider time) : IOutputCachePolicy
{
    public const string Name = "BoardPage";

    /// <summary>Boards change only through events that evict; the expiry lets unread copies leave memory and bounds what another instance's change can leave stale.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static readonly object ShownKey = new();

    /// <summary>Every cached board page, for the retention sweep, which deletes results and shares in bulk.</summary>
    public const string EveryBoardTag = "boards";

    public static string BoardTag(string boardId) => "board:" + boardId;

    public static string JoinTag(string joinId) => "board-join:" + joinId;

    /// <summary>What the page just rendered showed, for the tags and the copy's expiry.</summary>
    /// <param name="changesAt">When the page would read differently with nothing stored changing (an athlete reaches "not checked for 14 days"); null for never.</param>
    public static void Shown(HttpContext context, BoardWithShares board, DateTime? changesAt) =>
        context.Items[ShownKey] = new ShownBoard(board.Board.JoinToken, [.. board.Shares.Select(s => s.Share.SeriesKey)], changesAt);

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            // The page's route names it boardId, the API's (GET /api/boards/{id}, the same tags) id.
            || (request.RouteValues["boardId"] ?? request.RouteValues["id"]) is not string boardId
            || !ShareToken.IsWellFormed(boardId)
            || request.Cookies.ContainsKey(tempData.Value.Cookie.Name ?? CookieTempDataProvider.CookieName))
        {
            return;
        }

        // Unknown or deleted (perhaps elsewhere): no copy is looked up; the page answers 404 itself.
        if (await boards.KeyHashAsync(boardId, cancellation) is not { } keyHash)
        {
            return;
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        // Locking on: a render of a big board costs tens of milliseconds, and after an eviction every
        // open connection would otherwise render it at once (measured: p99 490 ms at 64 connections).
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        var holdsKey = DeleteKey.Matches(BoardKeyCookie.Read(request), keyHash);
        // Tokens are case-sensitive, but the default key upper-cases the path.
        context.CacheVaryByRules.CacheKeyPrefix = $"{BoardTag(boardId)}|zone:{ViewerTimeZone.Read(request)?.Id ?? "-"}|key:{(holdsKey ? 1 : 0)}";
        context.Tags.Add(BoardTag(boardId));
        context.Tags.Add(EveryBoardTag);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>Only a plain 200 that says what it showed is kept: never a 404, never a response that sets a cookie.</summary>
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status200OK
            || http.Response.Headers.SetCookie.Count > 0
            || http.Items[ShownKey] is not ShownBoard shown)
        {
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        context.Tags.Add(JoinTag(shown.JoinId));
        foreach (var series in shown.SeriesKeys)
        {
            // The result pages' own series tag: a follow-up or a delete evicts every page showing the series.
            context.Tags.Add(ResultPageCachePolicy.SeriesTag(series));
        }

        if (shown.ChangesAt is { } at)
        {
            var left = at - time.GetUtcNow().UtcDateTime;
            if (left <= TimeSpan.Zero)
            {
                context.AllowCacheStorage = false;
            }
            else if (left < context.ResponseExpirationTimeSpan)
            {
                context.ResponseExpirationTimeSpan = left;
            }
        }

        return ValueTask.CompletedTask;
    }

    private sealed record ShownBoard(string JoinId, IReadOnlyList<string> SeriesKeys, DateTime? ChangesAt);
}
