using KneeTriage.Web.Boards;
using KneeTriage.Web.Data;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Questionnaire;
using KneeTriage.Web.Submission;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages.Boards;

/// <summary>
/// The result page's "share with a coach's board" and "stop sharing" forms post here, beside the
/// result (<c>/results/{token}/share</c>), so the result's delete-key cookie (Path=/results/{token})
/// comes with them and the result page itself needs no new handlers. Only the browser that holds the
/// key gets anything but the 404 of an unknown result. Success goes back to the result page; a
/// mistake shows the form again here with the error.
/// </summary>
public sealed class ShareResultModel(AssessmentStore results, StoredResults boards) : PageModel
{
    [BindProperty]
    public string? JoinLink { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    /// <summary>The box "let my coach open my whole result": unticked (false) unless the runner ticks it.</summary>
    [BindProperty]
    public bool ShowResult { get; set; }

    public string Token { get; private set; } = string.Empty;

    public bool Found { get; private set; }

    public string? JoinLinkError { get; private set; }

    public string? DisplayNameError { get; private set; }

    public IReadOnlyList<ErrorSummaryItem> Errors =>
    [
        .. JoinLinkError is null ? Array.Empty<ErrorSummaryItem>() : [new ErrorSummaryItem(JoinLinkError, "#join-link")],
        .. DisplayNameError is null ? Array.Empty<ErrorSummaryItem>() : [new ErrorSummaryItem(DisplayNameError, "#board-display-name")],
    ];


    /// <summary>Nothing to show on its own: the forms live on the result page.</summary>
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        await OwnedAsync(token, cancellationToken) is null ? NotFoundPage() : BackToResult(token, fragment: null);

    public async Task<IActionResult> OnPostShareAsync(string token, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(token, cancellationToken) is null)
        {
            return NotFoundPage();
        }

        var joinId = BoardLinks.JoinIdIn(JoinLink);
        var (name, error) = BoardText.Clean(DisplayName, BoardText.MaxDisplayName, "a display name");
        DisplayNameError = error;
        var shared = joinId is null || name is null ? null : await boards.ShareWithBoardAsync(joinId, token, DeleteKeyCookie.Read(Request), name, ShowResult, cancellationToken);
        if (shared is null)
        {
            // A well-formed link with a bad name was not looked up, so it earns no message of its own.
            JoinLinkError = string.IsNullOrWhiteSpace(JoinLink) ? "Paste the join link your coach gave you."
                : joinId is null || name is not null ? "There is no board at this join link. Check that you pasted the whole link."
                : null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return BackToResult(token);
    }

    public async Task<IActionResult> OnPostStopAsync(string token, string? shareId, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(token, cancellationToken) is null
            || !await boards.StopSharingAsync(shareId, DeleteKeyCookie.Read(Request), cancellationToken))
        {
            return NotFoundPage();
        }

        return BackToResult(token);
    }

    private async Task<StoredAssessment?> OwnedAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        var record = await results.FindOwnedAsync(token, DeleteKeyCookie.Read(Request), cancellationToken);
        Found = record is not null;
        return record;
    }

    /// <summary>The result page, at its board section unless told otherwise.</summary>
    private SeeOtherResult BackToResult(string token, string? fragment = "boards-title") =>
        new(Url.Page("/Results/Show", pageHandler: null, values: new { token }, protocol: null, host: null, fragment: fragment)
            ?? throw new InvalidOperationException("No page /Results/Show."));

    private PageResult NotFoundPage()
    {
        Found = false;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
