using System.Text.RegularExpressions;
using AngleSharp.Dom;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Readability;
using Microsoft.Extensions.DependencyInjection;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.Articles;

/// <summary>
/// Runners walking the guide with a swollen calf read "possible but uncommon, especially in young,
/// healthy runners" in the FAQ, and "see a clinician in the next few days if ... the calf is badly
/// swollen" under the calf strain, where the check sends a swollen calf with no injury to be seen
/// the same day. The guide gives a possible clot the check's action and its signs, as the rules read
/// them, with no reassurance beside them; "the next few days" only for what the rules book.
/// </summary>
public sealed partial class ClotWordsInTheGuideTests(KneeTriageAppFactory factory) : IClassFixture<KneeTriageAppFactory>
{
    private static readonly string ArticleFolder = Path.Combine(AppContext.BaseDirectory, "content", "article");

    private static IEnumerable<(string File, string Block)> GuideBlocks() =>
        Directory.GetFiles(ArticleFolder, "*.md").Order(StringComparer.Ordinal)
            .SelectMany(file => GuideProse.Blocks(File.ReadAllText(file)).Select(block => (Path.GetFileName(file), block)));

    [Fact]
    public void NoGuideTextAboutAClotSaysItIsRareOrThatTheRunnerIsTooYoungOrHealthy()
    {
        var reassuring = GuideBlocks()
            .Where(b => b.Block.Contains("clot", StringComparison.OrdinalIgnoreCase) && Reassurance().IsMatch(b.Block))
            .Select(b => $"{b.File}: \"{b.Block}\"")
            .ToList();

        Assert.True(reassuring.Count == 0, "Reassurance beside a possible clot:\n" + string.Join('\n', reassuring));
    }

    [Fact]
    public void NoGuideTextPutsAClotBesideTheNextFewDays()
    {
        var later = GuideBlocks()
            .Where(b => b.Block.Contains("clot", StringComparison.OrdinalIgnoreCase) && Days().IsMatch(b.Block))
            .Select(b => $"{b.File}: \"{b.Block}\"")
            .ToList();

        Assert.True(later.Count == 0, "A clot beside \"the next few days\":\n" + string.Join('\n', later));
    }

    [Fact]
    public async Task TheFaqSaysWhichCalfSignsNeedTheSameDayAsTheCheckReadsThem()
    {
        var faq = await HtmlPage.LoadAsync(factory.CreateClient(), "/article/faq");
        var answer = Normalise(faq.Document.QuerySelector("details#could-it-be-a-blood-clot")!.TextContent);

        Assert.DoesNotMatch(Reassurance(), answer);
        foreach (var words in new[]
        {
            "Get seen the same day",
            "your calf is swollen and no injury explains it",
            "with no injury, your calf has two or more of these: it feels hot, it looks red or darker, or it is tender",
            // Walk 21: the sign that sent a runner with a hot calf after a strain to today (hot-red-calf-after-injury).
            // In the check's words, with its "not sure" (a warm calf on brown skin read "hot or red" as not hers).
            "after an injury, your calf feels hotter than the other calf, or looks red or darker than usual, or you cannot tell (redness is harder to see on brown or black skin)",
            "you have a higher risk of a clot, and your calf is swollen, hot, red, tender, hard or tight, or the back of your knee is swollen",
        })
        {
            Assert.Contains(words, answer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheFaqListsEveryClotRiskTheCheckAsksAbout()
    {
        var faq = await HtmlPage.LoadAsync(factory.CreateClient(), "/article/faq");
        var answer = Normalise(faq.Document.QuerySelector("details#could-it-be-a-blood-clot")!.TextContent);
        var clotRisks = factory.Services.GetRequiredService<KnowledgeBase>().FindQuestion("clot-risk")!.Options.Select(o => o.Value);

        // Each clot risk's words as the FAQ gives them (the check's labels, in a sentence).
        var faqWords = new Dictionary<string, string>
        {
            ["long-travel"] = "a journey of 4 hours or more in the last 4 weeks",
            ["surgery-or-immobilised"] = "an operation, a plaster cast or brace, or mostly in bed, in the last 12 weeks",
            ["hormones-or-pregnancy"] = "giving birth in the last 12 weeks",
            ["previous-clot"] = "a clot in a leg or a lung before",
            ["active-cancer"] = "cancer now, or treatment for it in the last 6 months",
        };
        Assert.All(clotRisks, risk => Assert.Contains(faqWords[risk], answer, StringComparison.Ordinal));
        Assert.Contains("the pill or HRT", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCalfStrainSendsAClotsSignsToTheSameDayAndBooksOnlyASwellingAfterAnInjury()
    {
        var causes = await HtmlPage.LoadAsync(factory.CreateClient(), "/article/causes");
        var section = SectionText(causes.Document.GetElementById("calf-strain")!);

        var sameDay = section.Single(line => line.Contains("Get seen the same day", StringComparison.Ordinal));
        Assert.Contains(section, line => line.Contains("the calf is swollen and you cannot name a moment of injury", StringComparison.Ordinal));
        Assert.Contains(section, line => line.Contains("you have a higher risk of a clot", StringComparison.Ordinal));
        Assert.Contains(section, line => line.Contains("the calf gets more swollen", StringComparison.Ordinal));
        Assert.Contains(section, line => line.Contains("the calf feels hotter than the other calf, or looks red or darker than usual", StringComparison.Ordinal));
        Assert.Contains(section, line => line.Contains("you cannot tell whether it is hotter, red or darker", StringComparison.Ordinal));
        var booked = section.Where(line => Days().IsMatch(line)).ToList();
        Assert.NotEmpty(booked);
        Assert.All(booked, line =>
        {
            Assert.Contains("after a moment of injury you can name", line, StringComparison.Ordinal);
            Assert.DoesNotContain("clot", line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("badly swollen", line, StringComparison.Ordinal);
        });
        Assert.DoesNotMatch(Days(), sameDay);
    }

    /// <summary>The lines (paragraphs and list items) of a guide section, from its heading to the next.</summary>
    private static List<string> SectionText(IElement heading)
    {
        var lines = new List<string>();
        for (var element = heading.NextElementSibling; element is not null && element.LocalName is not ("h2" or "h3"); element = element.NextElementSibling)
        {
            lines.AddRange(element.LocalName is "ul" or "ol"
                ? element.QuerySelectorAll("li").Select(li => Normalise(li.TextContent))
                : [Normalise(element.TextContent)]);
        }

        return lines;
    }

    [GeneratedRegex(@"\b(uncommon|rare|rarely|unlikely|probably)\b|young,? (and )?healthy", RegexOptions.IgnoreCase)]
    private static partial Regex Reassurance();

    [GeneratedRegex(@"next few days|coming days|within days|in a few days", RegexOptions.IgnoreCase)]
    private static partial Regex Days();
}
