using KneeTriage.Web.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeTriage.Web.Pages;

/// <summary>One section of the guide at /article/{slug}; an unknown slug gets the friendly 404 page.</summary>
[OutputCache(PolicyName = ArticleCachePolicy.Name)]
public sealed class ArticleModel(ArticleLibrary library) : PageModel
{
    /// <summary>Set by <see cref="OnGet"/> before the page renders; the page is never rendered without it.</summary>
    public ArticleSection Section { get; private set; } = null!;

    public ArticleSection? Previous { get; private set; }

    public ArticleSection? Next { get; private set; }

    public IReadOnlyList<ArticleSection> Sections => library.Sections;

    public int Position { get; private set; }

    public int Count => library.Sections.Count;

    public IActionResult OnGet(string slug)
    {
        if (library.Find(slug) is not { } section)
        {
            return NotFound();
        }

        Section = section;
        Previous = library.Previous(section);
        Next = library.Next(section);
        Position = library.PositionOf(section);
        return Page();
    }
}
