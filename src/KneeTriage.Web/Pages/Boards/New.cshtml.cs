using KneeTriage.Web.Boards;
using KneeTriage.Web.Data;
using KneeTriage.Web.Questionnaire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages.Boards;

/// <summary>
/// A coach names a board. A made board redirects to the board's own page (post, redirect, get: a
/// refresh never makes a second board), which shows the private board link, the join link and the
/// delete key once: the key from the cookie given here, the "just made" mark from TempData.
/// </summary>
public sealed class NewModel(BoardStore boards) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public string? NameError { get; private set; }

    public IReadOnlyList<ErrorSummaryItem> Errors => NameError is null ? [] : [new ErrorSummaryItem(NameError, "#board-name")];


    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (name, error) = BoardText.Clean(Name, BoardText.MaxBoardName, "a board name");
        if (name is null)
        {
            NameError = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var created = await boards.CreateAsync(name, cancellationToken);
        var board = created.Board;
        BoardKeyCookie.Give(Response, board.Token, created.DeleteKey);
        TempData[ShowModel.JustMadeKey] = board.Token;
        return new SeeOtherResult(Url.Page("/Boards/Show", new { boardId = board.Token }) ?? throw new InvalidOperationException("No page /Boards/Show."));
    }
}

/// <summary>What a coach sees once, right after making a board.</summary>
public sealed record CreatedBoardLinks(string Name, string BoardPath, string BoardUrl, string JoinUrl, string DeleteKey);
