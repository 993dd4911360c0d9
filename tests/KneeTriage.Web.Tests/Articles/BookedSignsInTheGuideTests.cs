using KneeTriage.Web.Tests.Infrastructure;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.Articles;

/// <summary>
/// A tester scanning the guide's "Book an appointment in the next few days" list as a worried
/// runner found "a swollen calf" and "a fever or feeling unwell with knee pain" there, unqualified,
/// though the lists above it send a swollen calf with no injury to today and a hot knee with a
/// fever to A&amp;E. On every page that lists the warning signs (the introduction's lists, the
/// symptoms table, the FAQ's short lists) each booked sign says what keeps it at that level.
/// </summary>
public sealed class BookedSignsInTheGuideTests(KneeTriageAppFactory factory) : IClassFixture<KneeTriageAppFactory>
{
    [Theory]
    [InlineData("/article/introduction")]
    [InlineData("/article/symptoms")]
    [InlineData("/article/faq")]
    public async Task TheNextFewDaysListQualifiesASwollenCalfAndAFever(string url)
    {
        var page = await HtmlPage.LoadAsync(factory.CreateClient(), url);
        var text = Normalise(page.Document.Body!.TextContent);

        Assert.Contains("Or a calf that swelled after an injury. If you cannot tell whether it is hotter than the other calf, or red or darker than usual, get seen today:", text, StringComparison.Ordinal);
        Assert.Contains("The calf is on this list only if it is no hotter than the other calf, it is not red or darker than usual, and you have no higher clot risk", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(not hot or red", text, StringComparison.Ordinal);
        Assert.Contains("fever or feeling unwell when the knee is neither hot nor swollen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("a lump behind the knee, or a swollen calf", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("a fever or feeling unwell with knee pain", text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The booked list said "Numbness or pins and needles in the foot" beside the 999 list's "after a
    /// knee injury in the last two weeks": a runner with new numbness after an injury could read
    /// "book". The booked sign says it is the foot without a recent injury, and not weak.
    /// </summary>
    [Theory]
    [InlineData("/article/introduction")]
    [InlineData("/article/symptoms")]
    [InlineData("/article/faq")]
    public async Task TheNextFewDaysListKeepsANumbFootOnlyWithoutARecentInjury(string url)
    {
        var page = await HtmlPage.LoadAsync(factory.CreateClient(), url);
        var text = Normalise(page.Document.Body!.TextContent);

        Assert.Contains("umbness or pins and needles in the foot, but only if you have not injured your knee in the last two weeks and the foot is not weak", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"umbness or pins and needles in the foot(?!, but only if)", text);
    }

    /// <summary>
    /// The guide's symptoms and nerve sections give each numb foot its level, as the rules read it:
    /// 999 after a knee injury in the last two weeks, otherwise today for a weak foot and the next
    /// few days for numbness.
    /// </summary>
    [Fact]
    public async Task TheGuideSaysWhichNumbFootIs999AndWhichIsBooked()
    {
        var symptoms = Normalise((await HtmlPage.LoadAsync(factory.CreateClient(), "/article/symptoms")).Document.Body!.TextContent);
        var causes = Normalise((await HtmlPage.LoadAsync(factory.CreateClient(), "/article/causes")).Document.Body!.TextContent);

        Assert.Contains("After a knee injury in the last two weeks, a foot that goes numb, tingles or goes weak needs an ambulance: call 999.", symptoms, StringComparison.Ordinal);
        Assert.Contains("With no knee injury in the last two weeks, numbness or pins and needles in a foot that is not weak: book a doctor in the next few days.", symptoms, StringComparison.Ordinal);
        Assert.Contains("Call 999 if the foot goes numb, tingles or goes weak after a knee injury in the last two weeks", causes, StringComparison.Ordinal);
        Assert.Contains("With no knee injury in the last two weeks, numbness or tingling that does not go away needs a clinician in the next few days.", causes, StringComparison.Ordinal);
    }

    /// <summary>
    /// Walk 21: a runner looking for leave to wait read the booked list on its own and found his
    /// calf there, though a sign above it fitted. The list's heading says it counts only when none
    /// above does; its pain score says nothing that reads as leave to wait with severe pain.
    /// </summary>
    [Theory]
    [InlineData("/article/introduction")]
    [InlineData("/article/symptoms")]
    [InlineData("/article/faq")]
    public async Task TheNextFewDaysListCountsOnlyWhenNoSignAboveFits(string url)
    {
        var page = await HtmlPage.LoadAsync(factory.CreateClient(), url);
        var text = Normalise(page.Document.Body!.TextContent);

        Assert.Contains("Book an appointment in the next few days, if no sign above fits", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"Book an appointment in the next few days(?!, if no sign above fits)", text);
        Assert.DoesNotContain("if it has since eased", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// "Who to see" sent "a lump behind the knee" and "pain with ... fever" to a GP, unqualified,
    /// and gave same-day care only "a swollen, hot calf": the check sends a lump with a clot risk,
    /// a swollen knee with a fever and a swollen calf with no injury to today, hot or not.
    /// </summary>
    [Fact]
    public async Task WhoToSeeBooksTheGpOnlyForWhatTheRulesBook()
    {
        var page = await HtmlPage.LoadAsync(factory.CreateClient(), "/article/diagnosis");
        var items = page.Document.QuerySelectorAll("li").Select(li => Normalise(li.TextContent)).ToList();

        var gp = items.Single(item => item.StartsWith("A GP is the right place", StringComparison.Ordinal));
        Assert.Contains("a lump behind the knee with no higher risk of a clot", gp, StringComparison.Ordinal);
        Assert.Contains("a fever when the knee is neither hot nor swollen", gp, StringComparison.Ordinal);
        // A hot knee and a possible clot: a doctor the same day, not an injury unit (its own line).
        var sameDay = items.Single(item => item.StartsWith("A doctor the same day", StringComparison.Ordinal));
        Assert.Contains("a swollen calf with no injury", sameDay, StringComparison.Ordinal);
        Assert.Contains("a swollen knee with a fever", sameDay, StringComparison.Ordinal);
        Assert.Contains("After an injury, it also means a calf that feels hotter than the other calf, or looks red or darker than usual, or you cannot tell.", sameDay, StringComparison.Ordinal);
        // Only numbness the rules book: after a knee injury in the last two weeks it is 999.
        Assert.Contains("numbness in a foot that is not weak when you have not injured your knee in the last two weeks", gp, StringComparison.Ordinal);
    }

    /// <summary>
    /// "Who to see" put a knee that "looks out of shape" under "Same-day care or A&amp;E"; the rules
    /// call 999 for it (deformity), as the warning signs do. It has its own line, with that action.
    /// </summary>
    [Fact]
    public async Task WhoToSeeSendsAKneeOutOfShapeToAnAmbulance()
    {
        var page = await HtmlPage.LoadAsync(factory.CreateClient(), "/article/diagnosis");
        var items = page.Document.QuerySelector("#who-to-see ~ ul")!.QuerySelectorAll("li").Select(li => Normalise(li.TextContent)).ToList();

        var ambulance = items.Single(item => item.Contains("out of shape", StringComparison.Ordinal));
        Assert.StartsWith("An ambulance is for a knee or leg that looks out of shape: call 999", ambulance, StringComparison.Ordinal);
        Assert.DoesNotContain("Same-day care", ambulance, StringComparison.Ordinal);
    }
}
