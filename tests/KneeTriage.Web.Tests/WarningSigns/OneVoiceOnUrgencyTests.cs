using AngleSharp.Dom;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.WarningSigns;

/// <summary>
/// Every place that names a warning sign and what to do (the footer of every page, the check's
/// start page, the guide's introduction and symptoms table) says what the rules say: each emergency
/// sign sits under "999" or "go to an emergency department now", never under a same-day or NHS 111 heading.
/// </summary>
public sealed class OneVoiceOnUrgencyTests(KneeTriageAppFactory factory) : IClassFixture<KneeTriageAppFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private KnowledgeBase Knowledge => factory.Services.GetRequiredService<KnowledgeBase>();

    private IReadOnlyList<WarningSign> SignsOf(Urgency urgency) => Knowledge.WarningSignsFor(urgency)!.Signs;

    /// <summary>A level as a page shows it: the words around the list that say what to do, and the signs listed.</summary>
    private sealed record Block(string Action, IReadOnlyList<string> Signs)
    {
        /// <summary>
        /// An emergency action: "call 999", or "go to an emergency department (A&amp;E) now" for the
        /// signs whose rules send the runner there (OneActionPerSignTests: the same action as a result's list).
        /// </summary>
        public bool SaysCall999 =>
            (Action.Contains("999", StringComparison.Ordinal) || Action.StartsWith("Go to an emergency department", StringComparison.Ordinal)) && !SaysSameDay;

        public bool SaysSameDay =>
            Action.Contains("111", StringComparison.Ordinal) || Action.Contains("today", StringComparison.OrdinalIgnoreCase)
            || Action.Contains("same day", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The blocks marked with data-urgency inside <paramref name="root"/> (the footer, the start page's callout).</summary>
    private static List<Block> MarkedBlocks(IElement root) =>
        [.. root.QuerySelectorAll("[data-urgency]").Select(block => new Block(
            string.Join(' ', block.Children.Where(c => c.LocalName != "ul").Select(c => c.TextContent)),
            [.. block.QuerySelectorAll("li").Select(li => Normalise(li.TextContent))]))];

    /// <summary>In the guide: each level-3 heading with the paragraphs and list that follow it, up to the next heading.</summary>
    private static List<Block> HeadingBlocks(IDocument page)
    {
        var blocks = new List<Block>();
        foreach (var heading in page.QuerySelectorAll("main h3"))
        {
            var action = heading.TextContent;
            var signs = new List<string>();
            for (var next = heading.NextElementSibling; next is not null && next.LocalName is not ("h2" or "h3"); next = next.NextElementSibling)
            {
                if (next.LocalName == "ul")
                {
                    signs.AddRange(next.QuerySelectorAll("li").Select(li => Normalise(li.TextContent)));
                }
                else
                {
                    action += " " + next.TextContent;
                }
            }

            blocks.Add(new Block(action, signs));
        }

        return blocks;
    }

    private static void AssertEveryEmergencySignIsUnder999(string where, IReadOnlyList<Block> blocks, IEnumerable<string> emergencySigns)
    {
        foreach (var sign in emergencySigns)
        {
            Assert.True(
                blocks.Any(b => b.SaysCall999 && b.Signs.Any(s => s.Contains(sign, StringComparison.Ordinal))),
                $"{where}: the emergency sign '{sign}' is not listed under a 'call 999' heading.");
            var sameDay = blocks.FirstOrDefault(b => b.SaysSameDay && b.Signs.Any(s => s.Contains(sign, StringComparison.Ordinal)));
            Assert.True(sameDay is null, $"{where}: the emergency sign '{sign}' is listed under '{sameDay?.Action.Trim()}'.");
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/check")]
    [InlineData("/article/introduction")]
    [InlineData("/article/symptoms")]
    public async Task TheFooterListsEveryEmergencySignUnder999AndEveryUrgentSignUnderToday(string url)
    {
        var page = await HtmlPage.LoadAsync(client, url);
        var footer = page.Document.QuerySelector("footer");
        Assert.NotNull(footer);
        var blocks = MarkedBlocks(footer);

        AssertEveryEmergencySignIsUnder999($"{url} footer", blocks, SignsOf(Urgency.Emergency).Select(s => s.Short!));
        foreach (var sign in SignsOf(Urgency.Urgent).Select(s => s.Short!))
        {
            Assert.True(
                blocks.Any(b => b.SaysSameDay && !b.SaysCall999 && b.Signs.Contains(sign)),
                $"{url} footer: the urgent sign '{sign}' is not listed under a same-day heading.");
        }
    }

    [Fact]
    public async Task TheFooterNeverAgainSendsAHotKneeWithAFeverTo111()
    {
        // Written without the knowledge base on purpose: the footer once said "a hot, swollen knee
        // with a fever, needs help the same day: call NHS 111", while the rules say call 999.
        var page = await HtmlPage.LoadAsync(client, "/check");
        var footer = page.Document.QuerySelector("footer")!;

        var mentions = footer.QuerySelectorAll("li, p")
            .Where(e => e.TextContent.Contains("hot", StringComparison.OrdinalIgnoreCase) && e.TextContent.Contains("fever", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.NotEmpty(mentions);
        foreach (var mention in mentions)
        {
            var level = mention.Closest("[data-urgency]") ?? mention;
            var advice = level.TextContent;
            Assert.True(
                advice.Contains("999", StringComparison.Ordinal) && !advice.Contains("111", StringComparison.Ordinal),
                $"The footer puts '{Normalise(mention.TextContent)}' under advice that is not 'call 999': '{Normalise(advice)}'.");
        }
    }

    [Fact]
    public async Task TheCheckStartPageListsEveryEmergencySignUnder999()
    {
        var page = await HtmlPage.LoadAsync(client, "/check");
        var callout = page.Document.QuerySelector("main .emergency-callout");
        Assert.NotNull(callout);

        AssertEveryEmergencySignIsUnder999("/check", MarkedBlocks(page.Document.QuerySelector("main")!), SignsOf(Urgency.Emergency).Select(s => s.Sign));
        Assert.NotNull(callout.QuerySelector("a[href='tel:999']"));
    }

    [Fact]
    public async Task TheGuideIntroductionListsEverySignUnderTheHeadingOfItsLevel()
    {
        var page = await HtmlPage.LoadAsync(client, "/article/introduction");
        var blocks = HeadingBlocks(page.Document);

        AssertEveryEmergencySignIsUnder999("/article/introduction", blocks, SignsOf(Urgency.Emergency).Select(s => s.Sign));
        foreach (var (urgency, anchor) in new[] { (Urgency.Urgent, "urgent-signs"), (Urgency.SeeClinician, "see-clinician-signs") })
        {
            var heading = page.Document.GetElementById(anchor);
            Assert.True(heading is not null, $"/article/introduction has no heading #{anchor}");
            // The same-day signs follow in two sections, as every page splits them (WarningSignActions):
            // the doctor's at #urgent-signs, the injuries' at #same-day-signs.
            var headings = urgency == Urgency.Urgent ? [heading, page.Document.GetElementById("same-day-signs")!] : new[] { heading };
            var signs = headings.SelectMany(h => HeadingBlocks(page.Document).Single(b => b.Action.StartsWith(h.TextContent, StringComparison.Ordinal)).Signs).ToList();
            foreach (var sign in SignsOf(urgency))
            {
                Assert.True(signs.Any(s => s.StartsWith(sign.Sign, StringComparison.Ordinal)), $"#{anchor} does not list '{sign.Sign}'.");
            }
        }

        Assert.Contains("999", page.Document.GetElementById("emergency-signs")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector(".article-body a[href='tel:999']"));
    }

    [Fact]
    public async Task TheSymptomsTableGivesEverySignTheActionOfItsLevel()
    {
        var page = await HtmlPage.LoadAsync(client, "/article/symptoms");
        var rows = page.Document.QuerySelectorAll("#when-to-get-help ~ table tbody tr")
            .Select(row => row.QuerySelectorAll("td").Select(td => Normalise(td.TextContent)).ToList())
            .ToList();
        Assert.NotEmpty(rows);

        // One row per action: an emergency's signs that go to an emergency department sit in their own row.
        foreach (var group in Knowledge.WarningSigns.SelectMany(g => global::KneeTriage.Web.WarningSigns.WarningSignActions.Of(g, Knowledge)))
        {
            foreach (var sign in group.Signs)
            {
                var words = sign.Short ?? sign.Sign;
                var row = rows.SingleOrDefault(cells => cells[0].TrimEnd('.').Split("; ").Contains(words, StringComparer.OrdinalIgnoreCase));
                Assert.True(row is not null, $"The table 'When to get help' does not list '{words}' once.");
                // A same-day row leads with "If you have none of the signs above:", as the footer does (walk 25).
                Assert.StartsWith(Normalise(group.Heading), row[1].Replace("If you have none of the signs above: ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            }
        }

        var emergencyRows = rows.Where(cells => cells[1].Contains("999", StringComparison.Ordinal)).ToList();
        Assert.Equal(Knowledge.WarningSignsFor(Urgency.Emergency)!.Actions.Count, emergencyRows.Count);
        Assert.All(emergencyRows, row => Assert.DoesNotContain("111", row[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheQuestionsPageSaysWhenToSeeSomeoneInTheSameWords()
    {
        var page = await HtmlPage.LoadAsync(client, "/article/faq");
        var answer = page.Document.QuerySelectorAll("main details")
            .SingleOrDefault(item => item.QuerySelector("summary")?.TextContent.StartsWith("When should I see", StringComparison.Ordinal) == true);
        Assert.NotNull(answer);

        // Each paragraph is "<what to do> for: sign; sign; sign."
        var blocks = answer.QuerySelectorAll("p").Select(p => Normalise(p.TextContent)).Where(text => text.Contains(" for: ", StringComparison.Ordinal))
            .Select(text => text.Split(" for: ", 2))
            .Select(parts => new Block(parts[0], parts[1].TrimEnd('.').Split("; ")))
            .ToList();

        AssertEveryEmergencySignIsUnder999("/article/faq", blocks, SignsOf(Urgency.Emergency).Select(s => s.Short!));
        foreach (var sign in SignsOf(Urgency.Urgent).Select(s => s.Short!))
        {
            Assert.True(blocks.Any(b => b.SaysSameDay && b.Signs.Contains(sign)), $"/article/faq: the urgent sign '{sign}' is not under 'today'.");
        }
    }

    [Theory]
    [InlineData("/check", "999")]
    [InlineData("/article/introduction", "999")]
    [InlineData("/article/symptoms", "999")]
    public async Task EmergencyNumbersArePhoneLinks(string url, string number)
    {
        var page = await HtmlPage.LoadAsync(client, url);

        var links = page.Document.QuerySelectorAll($"a[href='tel:{number}']");

        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.Equal(number, link.TextContent));
    }
}
