namespace KneeTriage.Web.Articles;

/// <summary>The YAML at the top of a section file, as written. <see cref="ArticleLibraryLoader"/> checks every key.</summary>
internal sealed class ArticleFrontMatter
{
    public string? Title { get; set; }

    public string? Slug { get; set; }

    public string? Order { get; set; }

    public string? Summary { get; set; }

    public string? LastReviewed { get; set; }

    public string? Kind { get; set; }
}
