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

    /// <summary>How many were just deleted (after a redirect), or null.</summary>
    public int? Deleted { get; private set; }

    public async Task OnGetAsync(int? deleted, CancellationToken cancellationToken)
    {
        Results = await results.ReadAsync(HttpContext, cancellationToken);
        Deleted = deleted is > 0 ? deleted : null;
    }

    /// <summary>Deletes one result this browser made; one it does not hold (or already gone) changes nothing.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string? token, CancellationToken cancellationToken)
    {
        var deleted = await results.DeleteAsync(HttpContext, token, cancellationToken);
        return new SeeOtherResult(ListUrl(deleted ? 1 : 0));
    }

    public async Task<IActionResult> OnPostDeleteAllAsync(CancellationToken cancellationToken)
    {
        var deleted = await results.DeleteAllAsync(HttpContext, cancellationToken);
        return new SeeOtherResult(ListUrl(deleted));
    }

    /// <summary>Back to the list (post, redirect, get), saying how many were deleted when any were.</summary>
    private string ListUrl(int deleted) =>
        Url.Page("/MyResults/Index", deleted > 0 ? new { deleted } : null) ?? throw new InvalidOperationException("No page /MyResults/Index.");
}
