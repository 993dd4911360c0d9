using System.Text.RegularExpressions;
using AngleSharp.Dom;
using KneeTriage.Web.Tests.Infrastructure;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.Articles;

/// <summary>
/// The causes page called a joint infection, artery entrapment, a widened artery and compartment
/// syndrome "rare" in the very sections that say "go to A&amp;E now" or "call 999". A runner hoping
/// to wait reads the rarity and not the action. No section of the causes page that gives a
/// same-day, A&amp;E or 999 action calls anything rare or uncommon; it may say who gets it.
/// </summary>
public sealed partial class NoRarityBesideAnUrgentActionTests(KneeTriageAppFactory factory) : IClassFixture<KneeTriageAppFactory>
{
    [Fact]
    public async Task NoCauseSectionWithAnUrgentActionCallsItRare()
    {
        var causes = await HtmlPage.LoadAsync(factory.CreateClient(), "/article/causes");

        var sections = causes.Document.QuerySelectorAll("h3").Select(h3 => (Heading: Normalise(h3.TextContent), Text: SectionText(h3))).ToList();
        Assert.Contains(sections, s => s.Heading.StartsWith("Joint infection", StringComparison.Ordinal) && UrgentAction().IsMatch(s.Text));

        var rare = sections
            .Where(s => UrgentAction().IsMatch(s.Text))
            .SelectMany(s => Rarity().Matches(s.Text).Select(m => $"{s.Heading}: \"…{Around(s.Text, m.Index)}…\""))
            .ToList();

        Assert.True(rare.Count == 0, "Rarity beside a same-day, A&E or 999 action:\n" + string.Join('\n', rare));
    }

    /// <summary>Everything from a level-3 heading to the next heading.</summary>
    private static string SectionText(IElement heading)
    {
        var text = new List<string>();
        for (var element = heading.NextElementSibling; element is not null && element.LocalName is not ("h2" or "h3"); element = element.NextElementSibling)
        {
            text.Add(Normalise(element.TextContent));
        }

        return string.Join(' ', text);
    }

    private static string Around(string text, int index) =>
        text[Math.Max(0, index - 60)..Math.Min(text.Length, index + 40)];

    [GeneratedRegex(@"Call 999|A&E|emergency department|same day|today", RegexOptions.IgnoreCase)]
    private static partial Regex UrgentAction();

    [GeneratedRegex(@"\b(rare|rarely|uncommon)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Rarity();
}
