using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Progress;
using KneeTriage.Web.Tests.Readability;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.WarningSigns;

/// <summary>
/// The check asks "Does the knee itself feel hot?" and the calf's answer said "Warm to the touch";
/// the footer and the guide said "a swollen, warm calf". A runner reads "warm" beside "hot" as a
/// lesser sign, and may not tick a calf that feels hot. Every sign of heat a runner reads (the
/// questions, results, warning signs, get-help lines, the plan and the guide) says "hot"; the
/// answer's id stays `warm` (contract). Warming up before a run is not a sign.
/// </summary>
public sealed partial class HotCalfWordsTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private static readonly string ContentFolder = Path.Combine(AppContext.BaseDirectory, "content");

    [Fact]
    public void NoTextARunnerReadsCallsASignWarm()
    {
        var kb = KnowledgeBaseLoader.Load(Path.Combine(ContentFolder, "triage"));
        var passages = KnowledgeBaseTexts.ResultTexts(kb)
            .Concat(KnowledgeBaseTexts.QuestionSteps(kb))
            .Concat(Directory.GetFiles(Path.Combine(ContentFolder, "article"), "*.md")
                .Select(file => new KnowledgeBaseTexts.Passage($"the guide, {Path.GetFileName(file)}", GuideProse.Blocks(File.ReadAllText(file)))));

        var warm = passages
            .SelectMany(p => p.Blocks.Where(CallsASignWarm).Select(block => $"{p.Name}: \"{block}\""))
            .ToList();

        Assert.True(warm.Count == 0, "A sign called \"warm\" where the check says \"hot\":\n" + string.Join('\n', warm));
    }

    [Fact]
    public async Task TheCalfStepAsksWhetherTheCalfIsHotAsTheKneeStepDoes()
    {
        var calf = await HtmlPage.LoadAsync(factory.CreatePlainClient(), "/check/calf");

        var box = calf.Document.QuerySelector("input[name='calf-signs'][value='warm']");
        Assert.NotNull(box);
        var label = calf.Document.QuerySelector($"label[for='{box.Id}']");
        Assert.NotNull(label);
        Assert.StartsWith("Hot to the touch", Normalise(label.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFooterCallsTheCalfSignHot()
    {
        var home = await HtmlPage.LoadAsync(factory.CreatePlainClient(), "/");

        var footer = Normalise(home.Document.QuerySelector("footer")!.TextContent);
        Assert.Contains("two of hot, red or tender", footer, StringComparison.Ordinal);
        Assert.False(CallsASignWarm(footer), $"The footer calls a sign warm: {footer}");
    }

    /// <summary>
    /// A tester's runner, a day after a calf pull, had a swollen calf that felt warm and could not
    /// tell whether it was red on her brown skin: "a hot or red calf after an injury" read as not
    /// hers, and the booked list's "(not hot or red, …)" as hers. The calf's same-day sign is said
    /// as the check asks it, with its "not sure", in the footer of every page and in the guide.
    /// </summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/article/introduction")]
    [InlineData("/article/faq")]
    public async Task TheCalfSignAfterAnInjuryIsSaidAsTheCheckAsksIt(string url)
    {
        var page = await HtmlPage.LoadAsync(factory.CreatePlainClient(), url);
        var text = Normalise(page.Document.Body!.TextContent);

        Assert.Contains("after an injury, a calf hotter than the other, or red or darker than usual, or you cannot tell", text, StringComparison.Ordinal);
        Assert.DoesNotContain("a hot or red calf after an injury", text, StringComparison.Ordinal);
        if (url == "/article/introduction")
        {
            Assert.Contains("After an injury, a calf that feels hotter than the other calf, or looks red or darker than usual, or you cannot tell.", text, StringComparison.Ordinal);
            Assert.Contains("Redness is harder to see on brown or black skin, so if you cannot tell, get seen today.", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheClinicianSummaryReadsAHotCalfBackAsHot()
    {
        var answers = ApiClient.ValidAnswers();
        answers["calf-signs"] = new JsonArray("swollen", "warm");
        var (id, _, _) = await FollowUpApiTests.CreateAsync(factory.CreatePlainClient(), answers);

        var result = await HtmlPage.LoadAsync(factory.CreatePlainClient(), $"/results/{id}");
        var calf = result.Document.QuerySelectorAll("details.clinician-summary .clinician-warnings li")
            .Single(li => li.QuerySelector(".clinician-question")!.TextContent.Contains("Calf", StringComparison.Ordinal));

        Assert.Equal("swollen, hot", Normalise(calf.QuerySelector(".clinician-answer")!.TextContent));
    }

    /// <summary>
    /// Walk 23: runners who cannot tell whether the calf is red tick "Red or darker than usual" (its
    /// help says so), and the clinician summary read it back as "red".
    /// </summary>
    [Fact]
    public async Task TheClinicianSummaryReadsARedCalfBackAsRedOrCouldNotTell()
    {
        var answers = ApiClient.ValidAnswers();
        answers["calf-signs"] = new JsonArray("swollen", "red");
        var (id, _, _) = await FollowUpApiTests.CreateAsync(factory.CreatePlainClient(), answers);

        var result = await HtmlPage.LoadAsync(factory.CreatePlainClient(), $"/results/{id}");
        var calf = result.Document.QuerySelectorAll("details.clinician-summary .clinician-warnings li")
            .Single(li => li.QuerySelector(".clinician-question")!.TextContent.Contains("Calf", StringComparison.Ordinal));

        Assert.Equal("swollen, red or darker (or could not tell)", Normalise(calf.QuerySelector(".clinician-answer")!.TextContent));
    }

    [Theory]
    [InlineData("A swollen, warm calf that could be a clot.", true)]
    [InlineData("Warm to the touch", true)]
    [InlineData("the calf feels warm", true)]
    [InlineData("compare the warmth and size of both calves", true)]
    [InlineData("a calf with two or more of warm, red and tender", true)]
    [InlineData("A warm-up gets blood flowing to the muscles.", false)]
    [InlineData("Warm up and cool down", false)]
    [InlineData("stiff and sore as you set off, easing once you warm up", false)]
    [InlineData("Stiff as you set off, easier once warm, back afterwards", false)]
    [InlineData("this is a good time, because the muscles are warm.", false)]
    [InlineData("Stiff or sore at the start, eases as I warm up, comes back afterwards", false)]
    [InlineData("warming up, strength, shoes, form and training load", false)]
    [InlineData("A swollen, hot calf that could be a clot.", false)]
    [InlineData("Simple painkillers or a cold or warm pack can ease a flare.", false)]
    public void TheDetectorTellsAWarmSignFromWarmingUp(string text, bool callsASignWarm) =>
        Assert.Equal(callsASignWarm, CallsASignWarm(text));

    /// <summary>"warm" or "warmth" as a sign: not warming up ("warm up", "warm-up"), muscles warm from running ("once warm", "are warm") or a warm pack.</summary>
    private static bool CallsASignWarm(string text) => WarmAsASign().IsMatch(text);

    [GeneratedRegex(@"(?<!\b(?:once|are)\s)\bwarm(?:th)?\b(?!\s*-?\s*up\b|\s+pack)", RegexOptions.IgnoreCase)]
    private static partial Regex WarmAsASign();
}
