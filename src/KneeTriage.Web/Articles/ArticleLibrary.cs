namespace KneeTriage.Web.Articles;

/// <summary>
/// Every article section, parsed and rendered once at start-up. Pages only look sections up,
/// so a request never touches the file system or Markdig.
/// </summary>
public sealed class ArticleLibrary
{
    private readonly Dictionary<string, int> indexBySlug;

    public ArticleLibrary(IEnumerable<ArticleSection> sections)
    {
        Sections = [.. sections.OrderBy(s => s.Order)];
        indexBySlug = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Sections.Count; i++)
        {
            if (!indexBySlug.TryAdd(Sections[i].Slug, i))
            {
                throw new ArticleContentException(
                    $"{Sections[i].SourceFile}: slug '{Sections[i].Slug}' is already used by {Sections[indexBySlug[Sections[i].Slug]].SourceFile}. Each section needs its own slug.");
            }
        }
    }

    /// <summary>All sections in reading order.</summary>
    public IReadOnlyList<ArticleSection> Sections { get; }

    /// <summary>The first section to read, or null when there is no content.</summary>
    public ArticleSection? First => Sections.Count > 0 ? Sections[0] : null;

    /// <summary>The section with this slug, or null; a blank slug (/article/%20 binds as null) finds none.</summary>
    public ArticleSection? Find(string? slug) =>
        slug is not null && indexBySlug.TryGetValue(slug, out var index) ? Sections[index] : null;

    /// <summary>1-based position in reading order, or 0 for a section not in this library.</summary>
    public int PositionOf(ArticleSection section) =>
        indexBySlug.TryGetValue(section.Slug, out var index) ? index + 1 : 0;

    public ArticleSection? Previous(ArticleSection section) =>
        indexBySlug.TryGetValue(section.Slug, out var index) && index > 0 ? Sections[index - 1] : null;

    public ArticleSection? Next(ArticleSection section) =>
        indexBySlug.TryGetValue(section.Slug, out var index) && index < Sections.Count - 1 ? Sections[index + 1] : null;
}
