using KneeTriage.Web.Articles;

namespace KneeTriage.Web.Tests.Components.Guide;

/// <summary>Small article sections for component tests.</summary>
internal static class Sections
{
    public static ArticleSection Make(string slug, int order, string? title = null) => new()
    {
        Title = title ?? $"Title of {slug}",
        Slug = slug,
        Order = order,
        Summary = $"Summary of {slug}.",
        LastReviewed = new DateOnly(2026, 11, 20),
        Kind = ArticleKind.Prose,
        Html = "<p>Body.</p>",
        Headings = [],
        SourceFile = $"{order:00}-{slug}.md",
    };

    public static IReadOnlyList<ArticleSection> Guide { get; } =
        [Make("introduction", 1, "Pain behind the knee"), Make("causes", 2, "Causes"), Make("faq", 3, "Questions")];
}
