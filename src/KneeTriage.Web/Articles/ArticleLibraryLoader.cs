using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KneeTriage.Web.Articles;

/// <summary>
/// Reads every <c>*.md</c> file of the content folder into an <see cref="ArticleLibrary"/>.
/// Anything that would make a page wrong (missing or broken front matter, a duplicate slug or
/// position, a duplicate anchor) throws <see cref="ArticleContentException"/> naming the file,
/// so a mistake stops start-up instead of reaching a reader. A line that is only a placeholder
/// (<c>{{warning-signs:emergency}}</c>) is replaced by the Markdown given for it before parsing, so
/// generated parts are rendered and cached like the rest; an unknown placeholder stops start-up.
/// </summary>
public static partial class ArticleLibraryLoader
{
    /// <summary>Ids the layout uses; a heading with one of these would break the skip link or table of contents.</summary>
    public static readonly IReadOnlySet<string> ReservedIds = new HashSet<string>(StringComparer.Ordinal)
    {
        "main-content", "site-nav", "on-this-page", "on-this-page-title", "section-nav", "contents", "all-sections",
    };

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <param name="directory">The folder of <c>NN-slug.md</c> files.</param>
    /// <param name="placeholders">Markdown by placeholder name (without the braces), or null for none.</param>
    public static ArticleLibrary Load(string directory, IReadOnlyDictionary<string, string>? placeholders = null)
    {
        if (!Directory.Exists(directory))
        {
            throw new ArticleContentException(
                $"The article folder '{directory}' does not exist. Set Articles:ContentPath to the folder holding the section files.");
        }

        var files = Directory.GetFiles(directory, "*.md").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new ArticleContentException(
                $"The article folder '{directory}' has no .md files. Set Articles:ContentPath to the folder holding the section files.");
        }

        // The how-written page lists every section's review date; the dates come from the files
        // themselves, so the sections are read once, then the files that show the list again.
        var withDates = new Dictionary<string, string>(placeholders ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [ReviewDatesPlaceholder] = string.Empty,
        };
        var sections = files.Select(file => LoadSection(file, withDates)).ToList();
        withDates[ReviewDatesPlaceholder] = ReviewDatesTable(sections);
        sections = [.. files.Select((file, i) =>
            File.ReadAllText(file).Contains("{{" + ReviewDatesPlaceholder + "}}", StringComparison.Ordinal) ? LoadSection(file, withDates) : sections[i])];

        var sameOrder = sections.GroupBy(s => s.Order).FirstOrDefault(g => g.Count() > 1);
        if (sameOrder is not null)
        {
            var names = string.Join(" and ", sameOrder.Select(s => s.SourceFile));
            throw new ArticleContentException(
                $"{names} both have order {sameOrder.Key}. Each section needs its own position.");
        }

        return new ArticleLibrary(sections);
    }

    /// <summary>A placeholder any section may use: a table of every section with the date it was last reviewed.</summary>
    public const string ReviewDatesPlaceholder = "review-dates";

    private static string ReviewDatesTable(IEnumerable<ArticleSection> sections) =>
        "| Section | Last reviewed |\n|---|---|\n" + string.Concat(sections.OrderBy(s => s.Order).Select(s =>
            $"| [{s.Title}]({s.Url}) | {s.LastReviewed.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} |\n"));

    public static ArticleSection LoadSection(string path, IReadOnlyDictionary<string, string>? placeholders = null)
    {
        var file = Path.GetFileName(path);
        var markdown = FillPlaceholders(file, File.ReadAllText(path), placeholders);
        var document = ArticleMarkdown.Parse(markdown);

        var yaml = ArticleMarkdown.FrontMatter(document)
            ?? throw new ArticleContentException(
                $"{file}: no front matter. Start the file with a '---' line, the keys title, slug, order, summary and lastReviewed, and another '---' line.");

        ArticleFrontMatter? front;
        try
        {
            front = Yaml.Deserialize<ArticleFrontMatter?>(yaml);
        }
        catch (YamlException ex)
        {
            throw new ArticleContentException($"{file}: the front matter is not valid YAML or has an unknown key: {ex.Message}", ex);
        }

        if (front is null)
        {
            throw new ArticleContentException($"{file}: the front matter is empty; it needs title, slug, order, summary and lastReviewed.");
        }

        var slug = Required(file, "slug", front.Slug);
        if (!SlugPattern().IsMatch(slug))
        {
            throw new ArticleContentException(
                $"{file}: slug '{slug}' must be lower-case letters, digits and single hyphens (for example 'causes').");
        }

        var orderText = Required(file, "order", front.Order);
        if (!int.TryParse(orderText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var order))
        {
            throw new ArticleContentException($"{file}: order '{orderText}' is not a whole number.");
        }

        var reviewedText = Required(file, "lastReviewed", front.LastReviewed);
        if (!DateOnly.TryParseExact(reviewedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reviewed))
        {
            throw new ArticleContentException($"{file}: lastReviewed '{reviewedText}' is not a date written as yyyy-mm-dd.");
        }

        var kind = front.Kind?.Trim().ToLowerInvariant() switch
        {
            null or "" or "prose" => ArticleKind.Prose,
            "faq" => ArticleKind.Faq,
            var other => throw new ArticleContentException($"{file}: kind '{other}' is unknown; leave it out, or write 'faq'."),
        };

        var title = Required(file, "title", front.Title);
        var summary = Required(file, "summary", front.Summary);
        CheckAttributes(file, document);
        ArticleSources.Check(file, document, markdown);

        return new ArticleSection
        {
            Title = title,
            Slug = slug,
            Order = order,
            Summary = summary,
            LastReviewed = reviewed,
            Kind = kind,
            Headings = ArticleMarkdown.Headings(document),
            Html = ArticleMarkdown.ToHtml(document, kind),
            SourceFile = file,
        };
    }

    private static string Required(string file, string key, string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ArticleContentException($"{file}: the front matter has no '{key}'.")
            : value.Trim();

    private static void CheckAttributes(string file, Markdig.Syntax.MarkdownDocument document)
    {
        var forbidden = ArticleMarkdown.ForbiddenAttributes(document).FirstOrDefault();
        if (forbidden.Name is not null)
        {
            throw new ArticleContentException(
                $"{file}, line {forbidden.Line}: the attribute '{forbidden.Name}' is not allowed; only {{#id}} and {{.class}} may be set.");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, line) in ArticleMarkdown.ElementIds(document))
        {
            if (ReservedIds.Contains(id))
            {
                throw new ArticleContentException($"{file}, line {line}: the id '{id}' is used by the page layout; choose another.");
            }

            if (!seen.TryAdd(id, line))
            {
                throw new ArticleContentException(
                    $"{file}, line {line}: the id '{id}' is already used on line {seen[id]}; each anchor on a page must be unique.");
            }
        }
    }

    /// <summary>
    /// Replaces each placeholder line with its Markdown. Line numbers in later errors count the
    /// filled-in text, so they can run past the file's own lines below a placeholder.
    /// </summary>
    private static string FillPlaceholders(string file, string markdown, IReadOnlyDictionary<string, string>? placeholders) =>
        PlaceholderLine().Replace(markdown, match =>
        {
            var name = match.Groups["name"].Value;
            if (placeholders is not null && placeholders.TryGetValue(name, out var replacement))
            {
                return replacement.TrimEnd('\n');
            }

            var line = markdown.AsSpan(0, match.Index).Count('\n') + 1;
            var known = placeholders is { Count: > 0 } ? string.Join(", ", placeholders.Keys.Order(StringComparer.Ordinal)) : "none";
            throw new ArticleContentException($"{file}, line {line}: the placeholder '{{{{{name}}}}}' is unknown; the known ones are: {known}.");
        });

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^[ \t]*\{\{[ \t]*(?<name>[^{}\r\n]*?)[ \t]*\}\}[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex PlaceholderLine();
}
