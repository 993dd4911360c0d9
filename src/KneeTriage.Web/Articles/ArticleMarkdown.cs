using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KneeTriage.Web.Articles;

/// <summary>The one Markdig pipeline every section goes through, and how a parsed section becomes HTML.</summary>
public static class ArticleMarkdown
{
    /// <summary>
    /// Built once per process. Raw HTML is disabled so nothing in a Markdown file can inject markup
    /// or script; generic attributes stay so authors can pin stable anchors (<c>### Baker's cyst {#bakers-cyst}</c>).
    /// </summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseListExtras()
        .UseEmphasisExtras()
        .UseAutoLinks()
        // Must come after the extensions whose syntax it decorates.
        .UseGenericAttributes()
        .DisableHtml()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>The YAML between the leading <c>---</c> fences, or null when the file has none.</summary>
    public static string? FrontMatter(MarkdownDocument document)
    {
        var block = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        if (block is null)
        {
            return null;
        }

        var lines = block.Lines.Lines
            .Take(block.Lines.Count)
            .Select(line => line.Slice.ToString())
            .ToList();

        // Depending on the parser the fences may be part of the block; the YAML is what lies between them.
        if (lines.Count > 0 && lines[0].Trim() == "---")
        {
            lines.RemoveAt(0);
        }

        if (lines.Count > 0 && lines[^1].Trim() is "---" or "...")
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return string.Join('\n', lines);
    }

    /// <summary>Level-2 and level-3 headings with the id each carries after parsing.</summary>
    public static IReadOnlyList<ArticleHeading> Headings(MarkdownDocument document) =>
        [.. document.Descendants<HeadingBlock>()
            .Where(h => h.Level is 2 or 3)
            .Select(h => new ArticleHeading(h.Level, h.GetAttributes().Id ?? string.Empty, PlainText(h.Inline)))];

    /// <summary>
    /// Renders the body. For <see cref="ArticleKind.Faq"/> each level-2 heading opens a
    /// <c>&lt;details&gt;</c> item that holds everything up to the next level-2 heading, so the
    /// questions expand and collapse without JavaScript; the sources heading ends the items.
    /// Other sections put each level-2 heading and what follows it up to the next in a
    /// <c>&lt;section class="article-part"&gt;</c>: site.css lets the browser skip laying out the
    /// parts off screen (<c>content-visibility: auto</c>), the largest share of a phone's work on a
    /// long section (decision 0033).
    /// </summary>
    public static string ToHtml(MarkdownDocument document, ArticleKind kind)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);

        var itemOpen = false;
        var partOpen = false;
        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock)
            {
                continue;
            }

            if (kind == ArticleKind.Prose && block is HeadingBlock { Level: 2 })
            {
                renderer.Write(partOpen ? "</section>\n<section class=\"article-part\">\n" : "<section class=\"article-part\">\n");
                partOpen = true;
            }

            // The sources close the questions as an ordinary heading and list, open for every reader.
            if (kind == ArticleKind.Faq && itemOpen && block is HeadingBlock { Level: 2 } sources && sources.GetAttributes().Id == ArticleSources.Anchor)
            {
                renderer.Write("</div>\n</details>\n");
                itemOpen = false;
                renderer.Write(block);
                kind = ArticleKind.Prose;
                continue;
            }

            if (kind == ArticleKind.Faq && block is HeadingBlock { Level: 2 } question)
            {
                if (itemOpen)
                {
                    renderer.Write("</div>\n</details>\n");
                }

                renderer.Write("<details class=\"faq-item\" id=\"");
                renderer.WriteEscape(question.GetAttributes().Id ?? string.Empty);
                renderer.Write("\">\n<summary>");
                renderer.WriteLeafInline(question);
                renderer.Write("</summary>\n<div class=\"faq-answer\">\n");
                itemOpen = true;
                continue;
            }

            renderer.Write(block);
        }

        if (itemOpen)
        {
            renderer.Write("</div>\n</details>\n");
        }

        if (partOpen)
        {
            renderer.Write("</section>\n");
        }

        renderer.Writer.Flush();
        return MoveTableAlignmentToClasses(writer.ToString());
    }

    /// <summary>Every element id the body will carry, with the line it comes from (1-based).</summary>
    public static IEnumerable<(string Id, int Line)> ElementIds(MarkdownDocument document) =>
        document.Descendants()
            .Select(node => (Id: node.TryGetAttributes()?.Id, Line: node.Line + 1))
            .Where(pair => !string.IsNullOrEmpty(pair.Id))
            .Select(pair => (pair.Id!, pair.Line)); // the Where above removed null ids

    /// <summary>Attributes other than id and class that an author set with <c>{...}</c>, which would bypass the no-inline-style rule.</summary>
    public static IEnumerable<(string Name, int Line)> ForbiddenAttributes(MarkdownDocument document) =>
        document.Descendants()
            .SelectMany(node => (node.TryGetAttributes()?.Properties ?? []).Select(p => (p.Key, node.Line + 1)));

    private static string PlainText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        Append(inline, text);
        return text.ToString().Trim();

        static void Append(Inline? node, StringBuilder text)
        {
            switch (node)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline container:
                    foreach (var child in container)
                    {
                        Append(child, text);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Markdig writes column alignment as an inline <c>style</c> attribute, which a strict
    /// Content-Security-Policy blocks; a class does the same job from site.css. The exact
    /// attribute text can only come from the table renderer: raw HTML is disabled and quotes in
    /// text are escaped.
    /// </summary>
    private static string MoveTableAlignmentToClasses(string html) => html
        .Replace(" style=\"text-align: left;\"", " class=\"align-left\"", StringComparison.Ordinal)
        .Replace(" style=\"text-align: center;\"", " class=\"align-center\"", StringComparison.Ordinal)
        .Replace(" style=\"text-align: right;\"", " class=\"align-right\"", StringComparison.Ordinal);
}
