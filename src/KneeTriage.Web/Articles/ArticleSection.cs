namespace KneeTriage.Web.Articles;

/// <summary>One section of the article, rendered once at start-up.</summary>
public sealed record ArticleSection
{
    public required string Title { get; init; }

    /// <summary>The URL name: the section lives at <c>/article/{Slug}</c>.</summary>
    public required string Slug { get; init; }

    /// <summary>Position in the contents list and in previous/next navigation.</summary>
    public required int Order { get; init; }

    /// <summary>One line for the contents list and the page's meta description.</summary>
    public required string Summary { get; init; }

    public required DateOnly LastReviewed { get; init; }

    public required ArticleKind Kind { get; init; }

    /// <summary>The rendered body. Safe to emit as-is: raw HTML in the Markdown is never passed through.</summary>
    public required string Html { get; init; }

    /// <summary>Level-2 and level-3 headings in document order.</summary>
    public required IReadOnlyList<ArticleHeading> Headings { get; init; }

    /// <summary>The file the section came from, for error messages.</summary>
    public required string SourceFile { get; init; }

    public string Url => $"/article/{Slug}";
}
