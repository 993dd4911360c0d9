using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KneeTriage.Web.Articles;

/// <summary>
/// Checks a section's sources (issue #24): the section ends with a level-2 heading
/// <c>## Sources {#sources}</c> and a numbered list under it, each item with a web link;
/// the text cites them inline as <c>[1]</c> or <c>[1, 3]</c>; every number cited is on the
/// list and every source on the list is cited. A section that breaks this stops start-up,
/// naming the file, so no statement reaches a reader without a source they can check.
/// </summary>
public static partial class ArticleSources
{
    /// <summary>The anchor of the sources heading; the how-written page links to it.</summary>
    public const string Anchor = "sources";

    /// <summary>The number of sources, or an exception naming the file and what to fix.</summary>
    public static int Check(string file, MarkdownDocument document, string markdown)
    {
        var blocks = document.ToList();
        var heading = blocks.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 2 && h.GetAttributes().Id == Anchor)
            ?? throw new ArticleContentException(
                $"{file}: no sources. End the section with '## Sources {{#{Anchor}}}' and a numbered list: author or publisher, title, year and link.");

        var index = blocks.IndexOf(heading);
        var list = blocks.Skip(index + 1).TakeWhile(b => b is not HeadingBlock).OfType<ListBlock>().FirstOrDefault(l => l.IsOrdered)
            ?? throw new ArticleContentException($"{file}, line {heading.Line + 1}: the sources heading has no numbered list under it.");

        var items = list.OfType<ListItemBlock>().ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var hasLink = items[i].Descendants<LinkInline>().Any(link =>
                Uri.TryCreate(link.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp));
            if (!hasLink)
            {
                throw new ArticleContentException($"{file}, line {items[i].Line + 1}: source {(i + 1).ToString(CultureInfo.InvariantCulture)} has no web link.");
            }
        }

        // Citations are read from the text above the sources heading, so the list's own numbers never count.
        var body = string.Join('\n', markdown.Split('\n').Take(heading.Line));
        var cited = Citations(body);
        var unknown = cited.Where(n => n < 1 || n > items.Count).Order().ToList();
        if (unknown.Count > 0)
        {
            throw new ArticleContentException(
                $"{file}: the text cites [{string.Join(", ", unknown)}], but the sources list has {items.Count.ToString(CultureInfo.InvariantCulture)} item(s).");
        }

        var uncited = Enumerable.Range(1, items.Count).Where(n => !cited.Contains(n)).ToList();
        if (uncited.Count > 0)
        {
            throw new ArticleContentException(
                $"{file}: source(s) {string.Join(", ", uncited)} are listed but never cited; cite each where the text rests on it, as [1].");
        }

        return items.Count;
    }

    /// <summary>Every number cited as [1] or [1, 3] in the text.</summary>
    public static HashSet<int> Citations(string text) =>
        [.. CitationPattern().Matches(text)
            .SelectMany(m => m.Groups["numbers"].Value.Split(',', StringSplitOptions.TrimEntries))
            .Select(n => int.Parse(n, NumberStyles.None, CultureInfo.InvariantCulture))];

    // [1] or [1, 3], not followed by '(' or '[' (so a Markdown link whose text is a number is not a citation).
    [GeneratedRegex(@"\[(?<numbers>\d{1,3}(, ?\d{1,3})*)\](?![(\[])", RegexOptions.CultureInvariant)]
    private static partial Regex CitationPattern();
}
