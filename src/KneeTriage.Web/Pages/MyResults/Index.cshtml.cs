using KneeTriage.Web.MyResults;
using KneeTriage.Web.Questionnaire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages.MyResults;

/// <summary>
/// The results this browser made (from its cookies, nothing stored about the browser), newest first,
/// each with a two-step delete that needs no script, and "Delete all". Never cached, never indexed,
/// no referrer (declared in Routing/SiteRoutes: the page links to every result).
/// </summary>
public sealed class IndexModel(BrowserResultList results) : PageModel
{
    public IReadOnlyList<ListedResult> Results { get; private set; } = [];

    /// <summary>TempData: how many results this browser's last delete removed, read once on the page it redirects to.</summary>
    private const string DeletedKey = "results-just-deleted";

    /// <summary>How many were just deleted (after a redirect), or null.</summary>
    public int? Deleted { get; private set; }

    /// <summary>
    /// The notice comes from what was actually deleted (TempData, which the server signs and
    /// encrypts), never from the address: a link must not be able to tell a runner that results are gone.
    /// </summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Results = await results.ReadAsync(HttpContext, cancellationToken);
        Deleted = TempData[DeletedKey] is int deleted and > 0 ? deleted : null;
    }

    /// <summary>Deletes one result this browser made; one it does not hold (or already gone) changes nothing.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string? token, CancellationToken cancellationToken)
    {
        var deleted = await results.DeleteAsync(HttpContext, token, cancellationToken);
        return BackToList(deleted ? 1 : 0);
    }

    public async Task<IActionResult> OnPostDeleteAllAsync(CancellationToken cancellationToken)
    {
        var deleted = await results.DeleteAllAsync(HttpContext, cancellationToken);
        return BackToList(deleted);
    }

    /// <summary>Back to the list (post, redirect, get), which says how many were deleted when any were.</summary>
    private SeeOtherResult BackToList(int deleted)
    {
        if (deleted > 0)
        {
            TempData[DeletedKey] = deleted;
        }

        return new SeeOtherResult(Url.Page("/MyResults/Index") ?? throw new InvalidOperationException("No page /MyResults/Index."));
    }
}
