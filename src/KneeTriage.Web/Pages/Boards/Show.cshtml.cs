using KneeTriage.Web.Boards;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Data;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Questionnaire;
using KneeTriage.Web.Submission;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Pages.Boards;

/// <summary>
/// A coach's board at its private link: each athlete's latest check, those who need a clinician
/// first. Removing an athlete and deleting the board take the board's key, from this browser's
/// cookie (the one that made it) or pasted. An unknown id, a malformed one and a join id get the same 404.
/// Times are shown in the viewer's own time zone (<see cref="ViewerTimeZone"/>), or as dates only.
/// Served from memory while the board exists (<see cref="BoardPageCachePolicy"/>, decision 0036);
/// its changes go through <see cref="StoredResults"/>, which evicts the copy. The forms carry no
/// antiforgery token, which would make every copy one browser's: each post needs the board's key,
/// from a SameSite=Strict cookie no other site's post carries, or pasted (and with the key the API
/// does the same without any token); a post another site's page makes is refused by its origin too.
/// </summary>
[OutputCache(PolicyName = BoardPageCachePolicy.Name)]
[IgnoreAntiforgeryToken]
public sealed class ShowModel(BoardStore boards, StoredResults changes, BoardLinks links, TimeProvider time, IOptions<CookieTempDataProviderOptions> tempDataCookie) : PageModel
{
    /// <summary>TempData: the id of the board this browser has just made, for the one view that shows its links and key.</summary>
    public const string JustMadeKey = "board-just-made";

    /// <summary>TempData: the display name of the athlete this browser has just removed, for the one view that says so.</summary>
    public const string RemovedKey = "board-athlete-removed";

    /// <summary>Set on the first view after the board was made here: what the coach must keep.</summary>
    public CreatedBoardLinks? JustMade { get; private set; }

    public BoardView? Board { get; private set; }

    public string JoinUrl { get; private set; } = string.Empty;

    /// <summary>The join link as a QR code (inline SVG), for a phone at the track.</summary>
    public HtmlString JoinQrCode { get; private set; } = HtmlString.Empty;

    /// <summary>"12 sharing · 1 needs a clinician today · 3 not checked for 14 days".</summary>
    public string Summary { get; private set; } = string.Empty;

    /// <summary>The zone the browser reported, or null: then the board shows dates only.</summary>
    public TimeZoneInfo? ViewerZone { get; private set; }

    /// <summary>Set on the one view after removing an athlete: their display name, or "" when it was not known.</summary>
    public string? Removed { get; private set; }

    /// <summary>This browser made the board and holds its key, so no key needs pasting.</summary>
    public bool HoldsKey { get; private set; }

    public string? KeyError { get; private set; }

    public IReadOnlyList<ErrorSummaryItem> Errors => KeyError is null ? [] : [new ErrorSummaryItem(KeyError, "#manage-title")];


    public async Task<IActionResult> OnGetAsync(string boardId, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(boardId, cancellationToken))
        {
            return NotFoundPage();
        }

        // TempData only when its cookie came: read without one, it answers with the cookie's deletion,
        // and a response that sets a cookie is never kept in memory (BoardPageCachePolicy).
        if (!Request.Cookies.ContainsKey(tempDataCookie.Value.Cookie.Name ?? CookieTempDataProvider.CookieName))
        {
            return Page();
        }

        // Read once (TempData forgets it after this request); the key is the one this browser was just given.
        if (string.Equals(TempData[JustMadeKey] as string, boardId, StringComparison.Ordinal) && HoldsKey && Board is { } board)
        {
            JustMade = new CreatedBoardLinks(board.Name, links.Board(boardId), links.AbsoluteBoard(Request, boardId), JoinUrl, BoardKeyCookie.Read(Request)!);
        }

        Removed = TempData[RemovedKey] as string;

        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string boardId, string? shareId, string? deleteKey, CancellationToken cancellationToken)
    {
        if (CountryChoiceEndpoint.IsCrossSite(Request))
        {
            return new StatusCodeResult(StatusCodes.Status403Forbidden);
        }

        var board = await boards.ReadAsync(boardId, cancellationToken);
        if (board is null)
        {
            return NotFoundPage();
        }

        // Only the board's own key removes an athlete here: a share of another board never matches it.
        var key = KeyFrom(deleteKey);
        if (!DeleteKey.Matches(key, board.Board.DeleteKeyHash) || !await changes.StopSharingAsync(shareId, key, cancellationToken))
        {
            return await WrongKeyAsync(boardId, cancellationToken);
        }

        // Post, redirect, get (decision 0025): the notice travels in TempData and is shown once.
        TempData[RemovedKey] = board.Shares.FirstOrDefault(s => string.Equals(s.Share.Token, shareId, StringComparison.Ordinal))?.Share.DisplayName ?? string.Empty;
        return new SeeOtherResult(Url.Page("/Boards/Show", new { boardId = board.Board.Token }) ?? throw new InvalidOperationException("No page /Boards/Show."));
    }

    public async Task<IActionResult> OnPostDeleteAsync(string boardId, string? deleteKey, CancellationToken cancellationToken)
    {
        if (CountryChoiceEndpoint.IsCrossSite(Request))
        {
            return new StatusCodeResult(StatusCodes.Status403Forbidden);
        }

        // An unknown board fails here too, and WrongKeyAsync then answers the not-found page.
        if (!await changes.DeleteBoardAsync(boardId, KeyFrom(deleteKey), cancellationToken))
        {
            return await WrongKeyAsync(boardId, cancellationToken);
        }

        BoardKeyCookie.Remove(Response, boardId);
        return new SeeOtherResult(Url.Page("/Boards/Deleted") ?? throw new InvalidOperationException("No page /Boards/Deleted."));
    }

    /// <summary>A pasted key wins over the cookie, so a coach can correct a stale one.</summary>
    private string? KeyFrom(string? pasted) => string.IsNullOrWhiteSpace(pasted) ? BoardKeyCookie.Read(Request) : pasted.Trim();

    private async Task<bool> ShowAsync(string boardId, CancellationToken cancellationToken)
    {
        var stored = await boards.ReadAsync(boardId, cancellationToken);
        if (stored is null)
        {
            return false;
        }

        Board = BoardView.From(stored);
        JoinUrl = links.AbsoluteJoin(Request, Board.JoinId);
        JoinQrCode = new HtmlString(QrCodeSvg.Render(JoinUrl, "QR code for the join link"));
        var now = time.GetUtcNow().UtcDateTime;
        Summary = SquadSummary.For(Board.Athletes, now);
        BoardPageCachePolicy.Shown(HttpContext, stored, SquadSummary.ChangesAt(Board.Athletes, now));
        ViewerZone = ViewerTimeZone.Read(Request);
        HoldsKey = DeleteKey.Matches(BoardKeyCookie.Read(Request), stored.Board.DeleteKeyHash);
        return true;
    }

    private async Task<IActionResult> WrongKeyAsync(string boardId, CancellationToken cancellationToken)
    {
        KeyError = "The delete key does not match this board. Paste the key you saved when you made it.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(boardId, cancellationToken) ? Page() : NotFoundPage();
    }

    private PageResult NotFoundPage()
    {
        Board = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
