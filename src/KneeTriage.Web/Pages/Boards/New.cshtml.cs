using KneeTriage.Web.Boards;
using KneeTriage.Web.Data;
using KneeTriage.Web.Hosting;
using KneeTriage.Web.Questionnaire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages.Boards;

/// <summary>
/// A coach names a board; the answer shows the private board link, the join link and the delete key
/// once (on the answer to the POST itself: a redirect would have to carry the key somewhere).
/// </summary>
public sealed class NewModel(BoardStore boards, SiteUrls siteUrls) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public string? NameError { get; private set; }

    public IReadOnlyList<ErrorSummaryItem> Errors => NameError is null ? [] : [new ErrorSummaryItem(NameError, "#board-name")];

    /// <summary>Set once the board is made: what the coach must keep.</summary>
    public CreatedBoardLinks? Created { get; private set; }


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
        Created = new CreatedBoardLinks(
            board.Name,
            BoardUrls.Board(board.Token),
            siteUrls.Absolute(Request, BoardUrls.Board(board.Token)),
            siteUrls.Absolute(Request, BoardUrls.Join(board.JoinToken)),
            created.DeleteKey);
        return Page();
    }
}

/// <summary>What a coach sees once, right after making a board.</summary>
public sealed record CreatedBoardLinks(string Name, string BoardPath, string BoardUrl, string JoinUrl, string DeleteKey);
