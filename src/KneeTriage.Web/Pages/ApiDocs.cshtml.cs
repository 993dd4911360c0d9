using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Infrastructure.SiteAddress;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages;

/// <summary>The readable page about the JSON API, with curl examples and the questions from the knowledge base.</summary>
public sealed class ApiDocsModel(KnowledgeBase knowledgeBase, SiteUrls siteUrls) : PageModel
{
    public IEnumerable<Question> Questions => knowledgeBase.Questions;

    public string BaseUrl { get; private set; } = string.Empty;

    public void OnGet() => BaseUrl = siteUrls.Base(Request);
}
