using KneeTriage.Web.Articles;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeTriage.Web.Pages;

[OutputCache(PolicyName = ArticleCachePolicy.Name)]
public sealed class IndexModel(ArticleLibrary library) : PageModel
{
    public IReadOnlyList<ArticleSection> Sections => library.Sections;

    public ArticleSection? FirstSection => library.First;
}
