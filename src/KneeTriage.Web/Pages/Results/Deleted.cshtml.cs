using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages.Results;

/// <summary>Confirms a deletion.</summary>
public sealed class DeletedModel : PageModel
{
    public void OnGet()
    {
    }
}
