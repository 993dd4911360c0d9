using AngleSharp.Dom;

namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>
/// What goes wrong with ids on a page, as the W3C checker and a screen reader see it: an id used
/// twice (the second element's hint or label is never found), and a reference to an id that does
/// not exist (aria-describedby, aria-labelledby, aria-controls, label for, an in-page #link).
/// </summary>
public static class IdReferences
{
    private static readonly string[] ListAttributes = ["aria-describedby", "aria-labelledby", "aria-controls", "aria-owns", "aria-errormessage"];

    public static IReadOnlyList<string> Problems(HtmlPage page)
    {
        var problems = new List<string>();
        var elements = page.Document.All.Where(e => !string.IsNullOrEmpty(e.Id)).ToList();
        foreach (var duplicate in elements.GroupBy(e => e.Id!, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{page.Url}: id \"{duplicate.Key}\" is used {duplicate.Count()} times ({string.Join(", ", duplicate.Select(Describe))})");
        }

        var ids = elements.Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
        foreach (var element in page.Document.All)
        {
            foreach (var attribute in ListAttributes)
            {
                foreach (var id in (element.GetAttribute(attribute) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!ids.Contains(id))
                    {
                        problems.Add($"{page.Url}: {Describe(element)} has {attribute}=\"{id}\", and no element has that id");
                    }
                }
            }

            if (element.LocalName == "label" && element.GetAttribute("for") is { Length: > 0 } target && !ids.Contains(target))
            {
                problems.Add($"{page.Url}: a label is for \"{target}\", and no element has that id");
            }

            if (element.LocalName == "a" && element.GetAttribute("href") is ['#', .. var fragment] && fragment.Length > 0 && !ids.Contains(fragment))
            {
                problems.Add($"{page.Url}: a link goes to #{fragment}, and no element has that id");
            }
        }

        return problems;
    }

    private static string Describe(IElement element) =>
        $"<{element.LocalName}{(element.ClassName is { Length: > 0 } c ? $" class=\"{c}\"" : string.Empty)}>";
}
