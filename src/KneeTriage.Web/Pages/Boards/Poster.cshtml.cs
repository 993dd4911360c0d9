using KneeTriage.Web.Boards;
using KneeTriage.Web.Data;
using KneeTriage.Web.Pages.Results;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages.Boards;

/// <summary>
/// A page to print and pin up at the track: the board's name, the join link as a large QR code and
/// as text, and what a runner's coach will see. Reached from the board (its private id is in the
/// path); it shows nothing of the athletes, so a printed copy gives away nobody's health.
/// </summary>
public sealed class PosterModel(BoardStore boards, BoardLinks links) : PageModel
{
    public string? BoardName { get; private set; }

    public string BoardPath { get; private set; } = string.Empty;

    public string JoinUrl { get; private set; } = string.Empty;

    public HtmlString JoinQrCode { get; private set; } = HtmlString.Empty;

    public async Task<IActionResult> OnGetAsync(string boardId, CancellationToken cancellationToken)
    {
        var board = await boards.FindAsync(boardId, cancellationToken);
        if (board is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        BoardName = board.Name;
        BoardPath = links.Board(board.Token);
        JoinUrl = links.AbsoluteJoin(Request, board.JoinToken);
        JoinQrCode = new HtmlString(QrCodeSvg.Render(JoinUrl, "QR code for the join link"));
        return Page();
    }
}
