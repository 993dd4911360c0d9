using KneeTriage.Web.Tests.Infrastructure;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.Articles;

/// <summary>
/// Walk 23: a tester read the guide and the footer as three runners looking for leave to wait.
/// A runner with pins and needles three days after a twist read "a numb or weak foot after a
/// recent injury" as not his; a runner with a hot knee three weeks after a steroid injection and no
/// fever was told "get seen today"; a runner who felt fine with a hot, swelling knee read the
/// infection's "very painful ... standing on it almost impossible" as not hers; "Who to see" sent
/// an injury where you cannot take four steps to same-day care. These are the words that close
/// those readings.
/// </summary>
public sealed class WalkTwentyThreeWordsTests(KneeTriageAppFactory factory) : IClassFixture<KneeTriageAppFactory>
{
    private const string WholeNumbFoot = "numbness, tingling (pins and needles) or a weak foot after a knee injury in the last two weeks";

    private const string InfectionRisks = "after an injection or operation on the knee in the last 3 months, or with a replacement joint, diabetes, a weak immune system or arthritis in this knee or in many joints";

    private async Task<string> TextOfAsync(string url) =>
        Normalise((await HtmlPage.LoadAsync(factory.CreateClient(), url)).Document.Body!.TextContent);

    /// <summary>The footer of every page, the FAQ's short lists and the symptoms page's table and introduction.</summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/article/faq")]
    [InlineData("/article/symptoms")]
    public async Task EveryShortFormOfTheNumbFootSignSaysTinglingAndTheLastTwoWeeks(string url)
    {
        var text = await TextOfAsync(url);

        Assert.Contains(WholeNumbFoot, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("a numb or weak foot after a recent injury", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("a numb foot after a knee injury", text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The rule hot-red-knee-with-infection-risk: a hot knee with an infection risk is A&amp;E now,
    /// even without a fever. Every guide place that gives a hot knee's level names the risks.
    /// </summary>
    [Fact]
    public async Task EveryHotKneeLevelInTheGuideSendsAnInfectionRiskToAAndENowWithoutAFever()
    {
        var symptoms = await TextOfAsync("/article/symptoms");
        var causes = await TextOfAsync("/article/causes");
        var diagnosis = await TextOfAsync("/article/diagnosis");

        Assert.Contains("Go to A&E now, even without a fever, if you have had an injection or operation on the knee in the last 3 months, or have a replacement joint, diabetes, a weak immune system or arthritis in this knee or in many joints.", symptoms, StringComparison.Ordinal);
        Assert.DoesNotContain("without them, still get seen today", symptoms, StringComparison.Ordinal);
        Assert.Contains("Go to A&E now, even without a fever, with a hot knee " + InfectionRisks, causes, StringComparison.Ordinal);
        Assert.Contains("Go to A&E now if you also have a fever or feel unwell, or, even without a fever, if you have had an injection or operation on the knee in the last 3 months", causes, StringComparison.Ordinal);
        Assert.Contains("go now with a hot knee even without a fever " + InfectionRisks, diagnosis, StringComparison.Ordinal);
        Assert.DoesNotContain("a fever or a risk of infection", diagnosis, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JointInfectionSaysItCanBeginWithOnlyHeatAndSwellingAndStaysAAndE()
    {
        var causes = await TextOfAsync("/article/causes");

        Assert.Contains("But it can begin with only heat and swelling, while you still feel well and can walk, especially after an injection into the knee. With an injection or the other risks below, a hot knee is still A&E now, even then.", causes, StringComparison.Ordinal);
    }

    /// <summary>The rule cannot-walk-after-injury: an emergency department now, never same-day care.</summary>
    [Fact]
    public async Task WhoToSeeSendsAnInjuryWhereYouCannotTakeFourStepsToAAndENow()
    {
        var page = await HtmlPage.LoadAsync(factory.CreateClient(), "/article/diagnosis");
        var items = page.Document.QuerySelector("#who-to-see ~ ul")!.QuerySelectorAll("li").Select(li => Normalise(li.TextContent)).ToList();

        var sameDay = items.Single(item => item.StartsWith("Same-day care", StringComparison.Ordinal));
        Assert.DoesNotContain("or A&E", sameDay, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot put weight", sameDay, StringComparison.Ordinal);
        Assert.Contains(items, item => item.StartsWith("Go to A&E now if you cannot take four steps on the leg after an injury", StringComparison.Ordinal));
        Assert.DoesNotContain("cannot put weight on the leg", await TextOfAsync("/article/symptoms"), StringComparison.Ordinal);
    }

    /// <summary>
    /// The symptoms page's "When to get help" table said each action twice where its advice begins
    /// with its heading: "Call 911 now. Call 911 and ask for an ambulance." (US), "Be seen by a doctor
    /// today. Be seen by a doctor today (…)". Each cell says its action once.
    /// </summary>
    [Theory]
    [InlineData("GB")]
    [InlineData("US")]
    public async Task EachCellOfTheWhenToGetHelpTableSaysItsActionOnce(string code)
    {
        var client = await KneeTriage.Web.Tests.Countries.CountryViewer.ChoosingAsync(factory, code);
        var page = await HtmlPage.LoadAsync(client, "/article/symptoms");

        var cells = page.Document.QuerySelectorAll("table tr td:last-child").Select(cell => Normalise(cell.TextContent)).ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells, cell =>
        {
            var sentences = cell.Split(". ", StringSplitOptions.RemoveEmptyEntries);
            Assert.True(sentences.Length < 2 || !sentences[1].StartsWith(sentences[0].TrimEnd('.'), StringComparison.OrdinalIgnoreCase) && !(sentences[0].StartsWith("Call", StringComparison.Ordinal) && sentences[1].StartsWith("Call", StringComparison.Ordinal)),
                $"{code}: the action is said twice: {cell}");
        });
    }

    /// <summary>Walk 24: a runner on methotrexate read the guide's ibuprofen cautions, which did not name it (the two interact).</summary>
    [Fact]
    public async Task TheIbuprofenCautionsNameMethotrexate()
    {
        var text = await TextOfAsync("/article/treatment");

        Assert.Contains("take blood thinners or methotrexate", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// "Who to see" listed a hot knee and a possible clot under same-day care beside a minor injuries
    /// unit, which cannot scan for a clot; the footer and the results give them a doctor the same day.
    /// </summary>
    [Fact]
    public async Task WhoToSeeGivesAHotKneeAndAClotADoctorNotAnInjuryUnit()
    {
        var page = await HtmlPage.LoadAsync(factory.CreateClient(), "/article/diagnosis");
        var items = page.Document.QuerySelectorAll("li").Select(li => Normalise(li.TextContent)).ToList();

        var injuries = Assert.Single(items, item => item.StartsWith("Same-day care", StringComparison.Ordinal));
        Assert.Contains("minor injuries unit", injuries, StringComparison.Ordinal);
        Assert.DoesNotContain("hot knee", injuries, StringComparison.Ordinal);
        Assert.DoesNotContain("clot", injuries, StringComparison.Ordinal);
        var doctor = Assert.Single(items, item => item.StartsWith("A doctor the same day (NHS 111 or an urgent GP appointment) is for a hot knee", StringComparison.Ordinal));
        Assert.Contains("a calf that could be a clot", doctor, StringComparison.Ordinal);
    }

    /// <summary>
    /// Walk 25: a runner with a hot knee and diabetes found "a hot knee (red or not)" in the guide's
    /// "When to get help" table and its FAQ list under "Be seen by a doctor today", with no word that
    /// the A&amp;E row above came first. Every same-day row says it holds only without the signs above,
    /// as the footer does.
    /// </summary>
    [Theory]
    [InlineData("/article/symptoms")]
    [InlineData("/article/faq")]
    public async Task EverySameDayRowOfTheGuidesListsCountsOnlyWithoutTheSignsAbove(string url)
    {
        var page = await HtmlPage.LoadAsync(factory.CreateClient(), url);
        var actions = url.EndsWith("symptoms", StringComparison.Ordinal)
            ? page.Document.QuerySelectorAll("table tr td:last-child").Select(cell => Normalise(cell.TextContent))
            : page.Document.QuerySelectorAll("p").Select(p => Normalise(p.TextContent)).Where(p => p.Contains(" for: ", StringComparison.Ordinal));

        var sameDay = actions.Where(action => action.Contains("today", StringComparison.Ordinal) && !action.Contains("in the next few days", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(sameDay);
        Assert.All(sameDay, action => Assert.StartsWith("If you have none of the signs above:", action, StringComparison.Ordinal));
    }
}
