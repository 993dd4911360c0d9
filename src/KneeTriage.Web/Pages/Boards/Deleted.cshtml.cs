using KneeTriage.Web.StoredResults;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages.BoardPages;

/// <summary>Confirms that a board was deleted.</summary>
public sealed class DeletedModel : PageModel
{
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) => ResultPageHeaders.Apply(Response);

    public void OnGet()
    {
    }
}
