using System.Text;
using System.Text.RegularExpressions;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.WarningSigns;

/// <summary>
/// The guide's warning-sign parts, written as Markdown from <c>warning-signs.yaml</c> and filled
/// into the article's placeholders before Markdig renders it, so the cached HTML of the guide
/// says exactly what the rules say:
/// <list type="bullet">
/// <item><c>{{warning-signs:emergency}}</c>, <c>{{warning-signs:urgent}}</c>, <c>{{warning-signs:see-clinician}}</c>:
/// a level-3 heading (anchor <c>#emergency-signs</c>, <c>#urgent-signs</c>, <c>#see-clinician-signs</c>),
/// the advice, and every sign of that level with what it may mean; an emergency's signs that go to an
/// emergency department follow under their own heading (<c>#go-to-emergency-department-signs</c>), and the
/// urgent level's injury signs after its doctor's (<c>#same-day-signs</c>): split as every page splits them (<see cref="WarningSignActions"/>);</item>
/// <item><c>{{warning-signs:table}}</c>: one table row per action, the signs (in their short words) beside what to do;</item>
/// <item><c>{{warning-signs:short}}</c>: one paragraph per action, what to do and then the signs in their short words.</item>
/// </list>
/// </summary>
public static class WarningSignMarkdown
{
    public const string Prefix = "warning-signs:";

    public static IReadOnlyDictionary<string, string> Placeholders(KnowledgeBase knowledge)
    {
        var groups = knowledge.WarningSigns.Select(group => group with { Actions = WarningSignActions.Of(group, knowledge) }).ToList();
        var placeholders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            placeholders[Prefix + group.Urgency.ToContractId()] = Section(group);
        }

        var lead = knowledge.WarningSignsFor(Urgency.Urgent)?.ByService?.OnlyWithoutTheSignsAbove;
        placeholders[Prefix + "table"] = Table(groups, lead);
        placeholders[Prefix + "short"] = Short(groups, lead);
        return placeholders;
    }

    /// <summary>The anchor of a level's heading in the guide, e.g. <c>emergency-signs</c>.</summary>
    public static string Anchor(Urgency urgency) => urgency.ToContractId() + "-signs";

    /// <summary>The anchor of an action after a level's first (an emergency's "go to an emergency department"), e.g. <c>go-to-emergency-department-signs</c>.</summary>
    private static string AnchorOf(WarningSignGroup group, WarningSignAction action) =>
        action == group.Actions[0] ? Anchor(group.Urgency) : action.Disposition.ToContractId() + "-signs";

    /// <summary>One heading per action: an emergency's signs that call 999, then those that go to an emergency department.</summary>
    private static string Section(WarningSignGroup group) =>
        string.Concat(group.Actions.Select(action => Section(action, AnchorOf(group, action))));

    private static string Section(WarningSignAction group, string anchor)
    {
        var markdown = new StringBuilder();
        markdown.Append("### ").Append(MarkdownText.Escape(group.Heading)).Append(" {#").Append(anchor).Append("}\n\n");
        markdown.Append(MarkdownText.Escape(group.Advice)).Append("\n\n");
        foreach (var sign in group.Signs)
        {
            markdown.Append("- **").Append(Sentence(sign.Sign)).Append("**");
            if (sign.Why is { } why)
            {
                markdown.Append(' ').Append(MarkdownText.Escape(why));
            }

            markdown.Append('\n');
        }

        return markdown.ToString();
    }

    private static string Table(IReadOnlyList<WarningSignGroup> groups, string? lead)
    {
        var markdown = new StringBuilder("| What you notice | What to do |\n|---|---|\n");
        foreach (var (group, below) in Listed(groups, lead))
        {
            var signs = string.Join(ItemSeparator, group.Signs.Select(sign => MarkdownText.Escape(sign.Short ?? LowerFirst(sign.Sign))));
            markdown.Append("| ").Append(UpperFirst(signs)).Append(" | ").Append(below).Append(ActionOnce(group.Heading, group.Advice)).Append(" |\n");
        }

        return markdown.ToString();
    }

    /// <summary>
    /// Every action in the order listed, most urgent first, and the lead a same-day action takes below
    /// a more urgent one ("If you have none of the signs above: "), as the footer does (FooterWarningLevels):
    /// walk 25's runner with a hot knee and diabetes found "a hot knee" under "be seen by a doctor today" in
    /// the guide's table, with no word that the A&amp;E row above came first. A booked heading says it itself.
    /// </summary>
    private static IEnumerable<(WarningSignAction Action, string Lead)> Listed(IReadOnlyList<WarningSignGroup> groups, string? lead)
    {
        var first = true;
        foreach (var group in groups)
        {
            foreach (var action in group.Actions)
            {
                yield return (action, !first && group.Urgency == Urgency.Urgent && lead is not null ? MarkdownText.Escape(lead) + " " : "");
                first = false;
            }
        }
    }

    /// <summary>
    /// A table cell's action, said once: walk 23 read "Call 911 now. Call 911 and ask for an
    /// ambulance." and "Be seen by a doctor today. Be seen by a doctor today (…)". Advice that
    /// begins with the heading is the cell alone, in bold; advice that begins with the heading's
    /// verb ("Call 999 and ask …" under "Call 999 now") keeps the heading and drops the repeat.
    /// </summary>
    private static string ActionOnce(string heading, string advice)
    {
        if (advice.StartsWith(heading, StringComparison.OrdinalIgnoreCase))
        {
            return "**" + MarkdownText.Escape(advice) + "**";
        }

        // "Call 999 (112 in Europe, …) and ask for an ambulance" under "Call 999 now": "Ask for an ambulance".
        var verb = Regex.Match(advice, $@"^{Regex.Escape(heading.EndsWith(" now", StringComparison.Ordinal) ? heading[..^4] : heading)}(?: \([^)]*\))? and (?<rest>.+)$", RegexOptions.Singleline);
        var rest = verb.Success ? UpperFirst(verb.Groups["rest"].Value) : advice;
        return "**" + MarkdownText.Escape(heading) + ".** " + MarkdownText.Escape(rest);
    }

    private static string Short(IReadOnlyList<WarningSignGroup> groups, string? lead)
    {
        var markdown = new StringBuilder();
        foreach (var (group, below) in Listed(groups, lead))
        {
            markdown.Append(below).Append("**").Append(MarkdownText.Escape(group.Heading)).Append("** for: ")
                .Append(string.Join(ItemSeparator, group.Signs.Select(sign => MarkdownText.Escape(sign.Short ?? LowerFirst(sign.Sign)))))
                .Append(".\n\n");
        }

        return markdown.ToString();
    }

    /// <summary>Between the signs of one table cell or paragraph, which hold no list.</summary>
    public const string ItemSeparator = "; ";

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static string UpperFirst(string text) =>
        text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static string Sentence(string text)
    {
        var escaped = MarkdownText.Escape(text);
        return escaped.EndsWith('.') ? escaped : escaped + ".";
    }
}
