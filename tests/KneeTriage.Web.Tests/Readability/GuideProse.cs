using System.Text.RegularExpressions;

namespace KneeTriage.Web.Tests.Readability;

/// <summary>
/// The prose a reader meets in a section file, as blocks for <see cref="ReadingScore"/>: the front
/// matter, the sources list (titles of papers, not our words) and placeholder lines (the warning
/// signs, scored with the knowledge base) are left out; paragraphs are joined across their lines;
/// list items, headings and table cells are blocks of their own; links keep their words, and
/// citations, emphasis and {#anchors} are removed.
/// </summary>
public static partial class GuideProse
{
    public static IReadOnlyList<string> Blocks(string markdown)
    {
        var body = FrontMatter().Replace(markdown.ReplaceLineEndings("\n"), string.Empty);
        var sources = body.IndexOf("\n## Sources", StringComparison.Ordinal);
        if (sources >= 0)
        {
            body = body[..sources];
        }

        var blocks = new List<string>();
        var paragraph = new List<string>();
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.Trim();
            var startsBlock = line.Length == 0 || line.StartsWith('#') || line.StartsWith('|') || ListItem().IsMatch(line) || line.StartsWith('>');
            if (startsBlock && paragraph.Count > 0)
            {
                blocks.Add(string.Join(' ', paragraph));
                paragraph.Clear();
            }

            if (line.Length == 0 || Placeholder().IsMatch(line) || TableRule().IsMatch(line))
            {
                continue;
            }

            if (line.StartsWith('|'))
            {
                blocks.AddRange(line.Trim('|').Split('|').Select(Clean).Where(c => c.Length > 0));
                continue;
            }

            paragraph.Add(Clean(ListItem().Replace(line.TrimStart('#', '>', ' '), string.Empty)));
            if (line.StartsWith('#'))
            {
                blocks.Add(string.Join(' ', paragraph));
                paragraph.Clear();
            }
        }

        if (paragraph.Count > 0)
        {
            blocks.Add(string.Join(' ', paragraph));
        }

        return blocks;
    }

    private static string Clean(string text)
    {
        text = Anchor().Replace(text, string.Empty);
        text = Citation().Replace(text, string.Empty);
        text = Link().Replace(text, "$1");
        return text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("*", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex(@"\A---\n.*?\n---\n", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"^([-*]|\d+\.)\s+")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\{\{.*\}\}$")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\|?[\s:|-]+\|?$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"\{#[^}]*\}")]
    private static partial Regex Anchor();

    [GeneratedRegex(@"\s?\[\d+(,\s*\d+)*\](?![(\[])")]
    private static partial Regex Citation();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();
}
