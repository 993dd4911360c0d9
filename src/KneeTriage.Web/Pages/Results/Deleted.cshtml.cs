using KneeTriage.Web.ResultPage;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages.Results;

/// <summary>Confirms a deletion.</summary>
public sealed class DeletedModel : PageModel
{
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) => ResultPageHeaders.Apply(Response);

    public void OnGet()
    {
    }
}
