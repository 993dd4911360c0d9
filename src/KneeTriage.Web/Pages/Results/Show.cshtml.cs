using KneeTriage.Web.Data;
using KneeTriage.Web.Hosting;
using KneeTriage.Web.MyResults;
using KneeTriage.Web.ResultPage;
using KneeTriage.Web.Submission;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeTriage.Web.Pages.Results;

/// <summary>
/// A stored result at its share link. It shows what was stored, never a recomputation. An unknown
/// and a malformed token get the same 404 page.
/// </summary>
[OutputCache(PolicyName = ResultPageCachePolicy.Name)]
public sealed class ShowModel(AssessmentStore store, SiteUrls siteUrls) : PageModel
{
    public StoredResult? Result { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string ShareUrl { get; private set; } = string.Empty;

    public HtmlString QrCode { get; private set; } = HtmlString.Empty;

    /// <summary>This browser created the result and holds its delete key.</summary>
    public bool CanDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var record = await store.FindByTokenAsync(token, cancellationToken);
        if (record is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Result = StoredResultJson.Deserialize(record.ResultJson);
        CreatedAt = record.CreatedAt;
        // From Site:PublicUrl when set: the page is cached and shown to others, so it must not carry a Host someone sent.
        ShareUrl = siteUrls.Absolute(Request, DeleteKeyCookie.ResultPath(record.Token));
        QrCode = new HtmlString(QrCodeSvg.Render(ShareUrl));
        CanDelete = DeleteKey.Matches(DeleteKeyCookie.Read(Request), record.DeleteKeyHash);
        return Page();
    }

    /// <summary>Deletes the result when this browser holds its key; otherwise the same 404 as an unknown token.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string token, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(token, DeleteKeyCookie.Read(Request), cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        DeleteKeyCookie.Remove(Response, token);
        BrowserResultsCookie.Remove(Response, token);
        return new SeeOtherResult(Url.Page("/Results/Deleted") ?? throw new InvalidOperationException("No page /Results/Deleted."));
    }
}
