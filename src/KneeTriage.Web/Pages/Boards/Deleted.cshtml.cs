using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages.Boards;

/// <summary>Confirms that a board was deleted.</summary>
public sealed class DeletedModel : PageModel
{

    public void OnGet()
    {
    }
}
