using KneeTriage.Web.Boards;
using KneeTriage.Web.Data;
using KneeTriage.Web.MyResults;
using KneeTriage.Web.Questionnaire;
using KneeTriage.Web.Submission;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages.Join;

/// <summary>
/// A board's join link: the runner picks one of the results this browser made (their cookies come
/// only to /my-results and /join), a display name, and shares it. The page shows the board's name
/// and nothing else of the board. An unknown id, a malformed one and a board id get the same 404.
/// Sharing redirects back here (post, redirect, get); the confirmation is read from TempData once.
/// </summary>
public sealed class ShowModel(BoardStore boards, AssessmentStore results, StoredResults stored) : PageModel
{
    /// <summary>More cookies than this are not looked up: a browser sending hundreds is not a runner.</summary>
    private const int MaxResults = 50;

    /// <summary>TempData: the result this browser has just shared, for the one view that confirms it.</summary>
    private const string JustSharedKey = "result-just-shared";

    /// <summary>TempData: whether that share lets the coach open the result, so the confirmation says what the coach sees.</summary>
    private const string JustSharedWholeKey = "result-just-shared-whole";

    public string? BoardName { get; private set; }

    /// <summary>This browser's results that still exist, newest first.</summary>
    public IReadOnlyList<JoinableResult> Results { get; private set; } = [];

    [BindProperty]
    public string? ResultId { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    /// <summary>The box "let my coach open my whole result": unticked (false) unless the runner ticks it.</summary>
    [BindProperty]
    public bool ShowResult { get; set; }

    public string? ResultError { get; private set; }

    public string? DisplayNameError { get; private set; }

    public IReadOnlyList<ErrorSummaryItem> Errors =>
    [
        .. ResultError is null ? Array.Empty<ErrorSummaryItem>() : [new ErrorSummaryItem(ResultError, "#result-choice")],
        .. DisplayNameError is null ? Array.Empty<ErrorSummaryItem>() : [new ErrorSummaryItem(DisplayNameError, "#display-name")],
    ];

    /// <summary>Set once shared: the result shared, for the confirmation's link.</summary>
    public string? SharedResultId { get; private set; }

    /// <summary>The share just confirmed lets the coach open the whole result.</summary>
    public bool SharedWhole { get; private set; }


    public async Task<IActionResult> OnGetAsync(string joinId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(joinId, cancellationToken))
        {
            return NotFoundPage();
        }

        // Confirmed only for a result this browser still holds, so the mark cannot point anywhere else.
        SharedResultId = Results.FirstOrDefault(r => string.Equals(r.Id, TempData[JustSharedKey] as string, StringComparison.Ordinal))?.Id;
        SharedWhole = TempData[JustSharedWholeKey] is true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string joinId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(joinId, cancellationToken))
        {
            return NotFoundPage();
        }

        var chosen = Results.FirstOrDefault(r => string.Equals(r.Id, ResultId, StringComparison.Ordinal));
        ResultError = chosen is null ? "Choose the result to share." : null;
        var (name, error) = BoardText.Clean(DisplayName, BoardText.MaxDisplayName, "a display name");
        DisplayNameError = error;
        if (chosen is null || name is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var shared = await stored.ShareWithBoardAsync(joinId, chosen.Id, chosen.DeleteKey, name, ShowResult, cancellationToken);
        if (shared is null)
        {
            // The board or the result was deleted between the two lookups.
            return NotFoundPage();
        }

        TempData[JustSharedKey] = chosen.Id;
        TempData[JustSharedWholeKey] = ShowResult;
        return new SeeOtherResult(Url.Page("/Join/Show", new { joinId }) ?? throw new InvalidOperationException("No page /Join/Show."));
    }

    private async Task<bool> LoadAsync(string joinId, CancellationToken cancellationToken)
    {
        var board = await boards.FindByJoinIdAsync(joinId, cancellationToken);
        if (board is null)
        {
            return false;
        }

        BoardName = board.Name;
        // One query for every cookie (decision 0031), then each result proven by its own key.
        var cookies = BrowserResultsCookie.Read(Request).Take(MaxResults).ToList();
        var stored = (await results.ListAsync(cookies.Select(c => c.Token), cancellationToken)).ToDictionary(o => o.Result.Token, StringComparer.Ordinal);
        Results = [.. cookies
            .Where(c => stored.TryGetValue(c.Token, out var owned) && DeleteKey.Matches(c.DeleteKey, owned.DeleteKeyHash))
            .Select(c => JoinableResult.From(stored[c.Token].Result, c.DeleteKey))
            .OrderByDescending(r => r.Check.CreatedAt)];
        return true;
    }

    private PageResult NotFoundPage()
    {
        BoardName = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

/// <summary>One of this browser's results, as the join page offers it.</summary>
public sealed record JoinableResult(string Id, BoardCheck Check, string DeleteKey)
{
    public static JoinableResult From(ListedAssessment listed, string deleteKey) => new(listed.Token, BoardCheck.From(listed), deleteKey);
}
