using KneeTriage.Web.Boards;
using KneeTriage.Web.Data;
using KneeTriage.Web.Infrastructure.Hosting;
using KneeTriage.Web.Questionnaire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages.Boards;

/// <summary>
/// A coach's board at its private link: each athlete's latest check, those who need a clinician
/// first. Removing an athlete and deleting the board take the board's key, from this browser's
/// cookie (the one that made it) or pasted. An unknown id, a malformed one and a join id get the same 404.
/// </summary>
public sealed class ShowModel(BoardStore boards, SiteUrls siteUrls) : PageModel
{
    /// <summary>TempData: the id of the board this browser has just made, for the one view that shows its links and key.</summary>
    public const string JustMadeKey = "board-just-made";

    /// <summary>Set on the first view after the board was made here: what the coach must keep.</summary>
    public CreatedBoardLinks? JustMade { get; private set; }

    public BoardView? Board { get; private set; }

    public string JoinUrl { get; private set; } = string.Empty;

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

        // Read once (TempData forgets it after this request); the key is the one this browser was just given.
        if (string.Equals(TempData[JustMadeKey] as string, boardId, StringComparison.Ordinal) && HoldsKey && Board is { } board)
        {
            JustMade = new CreatedBoardLinks(board.Name, BoardUrls.Board(boardId), siteUrls.Absolute(Request, BoardUrls.Board(boardId)), JoinUrl, BoardKeyCookie.Read(Request)!);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string boardId, string? shareId, string? deleteKey, CancellationToken cancellationToken)
    {
        var board = await boards.FindAsync(boardId, cancellationToken);
        if (board is null)
        {
            return NotFoundPage();
        }

        // Only the board's own key removes an athlete here: a share of another board never matches it.
        var key = KeyFrom(deleteKey);
        if (!DeleteKey.Matches(key, board.DeleteKeyHash) || !await boards.StopSharingAsync(shareId, key, cancellationToken))
        {
            return await WrongKeyAsync(boardId, cancellationToken);
        }

        return new SeeOtherResult(Url.Page("/Boards/Show", new { boardId = board.Token }) ?? throw new InvalidOperationException("No page /Boards/Show."));
    }

    public async Task<IActionResult> OnPostDeleteAsync(string boardId, string? deleteKey, CancellationToken cancellationToken)
    {
        // An unknown board fails here too, and WrongKeyAsync then answers the not-found page.
        if (!await boards.DeleteAsync(boardId, KeyFrom(deleteKey), cancellationToken))
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
        JoinUrl = siteUrls.Absolute(Request, BoardUrls.Join(Board.JoinId));
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
