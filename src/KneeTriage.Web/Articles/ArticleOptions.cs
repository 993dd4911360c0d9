namespace KneeTriage.Web.Articles;

/// <summary>Where the article's Markdown sections live. Bound from the "Articles" configuration section.</summary>
public sealed class ArticleOptions
{
    public const string SectionName = "Articles";

    /// <summary>
    /// Folder holding one <c>NN-slug.md</c> file per section. Defaults to the copy that build and
    /// publish place beside the app, so a published folder runs on its own.
    /// </summary>
    public string ContentPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "content", "article");

    internal string? Problem() => string.IsNullOrWhiteSpace(ContentPath) ? $"{SectionName}:ContentPath must name the article's folder." : null;
}
