using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// One voice about running on the result page: a runner told not to run (the hip's stress
/// fracture, a torn ligament) reads no pain rule for a run, no "cut back how far you run" and no plan
/// to run again anywhere on the page, and the action says "do not run".
/// </summary>
public sealed class ToldNotToRunPageTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    /// <summary>A 17-year-old with groin pain and a knee ache during and after runs, since running further.</summary>
    private static readonly AnswerSet GroinPainAfterMoreRunningAt17 = RuleRaisingAnswers.Calm
        .With("age", new NumberAnswer(17)).With("duration", new TextAnswer("2-to-6-weeks"))
        .With("pain-location", new ListAnswer(["front", "inner-side"])).With("pain-triggers", new ListAnswer(["during-run", "after-run"]))
        .With("hip-or-groin-pain", new BooleanAnswer(true)).With("training-change", new ListAnswer(["more-distance"]));

    /// <summary>A 30-year-old whose knee was forced straight two days ago, walking, no swelling: self-care with the ligament's card.</summary>
    private static readonly AnswerSet KneeForcedStraightAt30 = RuleRaisingAnswers.Calm
        .With("age", new NumberAnswer(30)).With("injury", new TextAnswer("overstretch")).With("onset", new TextAnswer("sudden"))
        .With("duration", new TextAnswer("under-3-days")).With("pain-type", new TextAnswer("sharp")).With("pain-severity", new NumberAnswer(5))
        .With("pain-location", new ListAnswer(["back-outer", "back-center"])).With("pain-triggers", new ListAnswer(["full-straighten", "downhill"]));

    [Fact]
    public async Task TheSeventeenYearOldWithGroinPainReadsTheStopLineAndNoPainRuleForARun()
    {
        var (body, page) = await ResultPosting.PostAndLoadAsync(factory.CreatePlainClient(), GroinPainAfterMoreRunningAt17, "the 17-year-old");

        Assert.Equal("book-appointment", body.GetProperty("disposition").GetString());
        var general = page.Document.QuerySelectorAll(".self-care-general li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("Until then, do not run, and avoid the movements that hurt.", general);
        Assert.Contains("Do not run until the hip has been checked.", AdviceText(page), StringComparison.Ordinal);
        AssertNoRunningGuidance(page);
    }

    [Fact]
    public async Task ASelfCareResultWithTheLigamentsCardOffersNoPlanToRunButKeepsItsSources()
    {
        var (body, page) = await ResultPosting.PostAndLoadAsync(factory.CreatePlainClient(), KneeForcedStraightAt30, "the knee forced straight");

        Assert.Equal("self-care", body.GetProperty("disposition").GetString());
        Assert.Contains("Do not run or play sport on it", AdviceText(page), StringComparison.Ordinal);
        Assert.Contains("Do not run for now. Keep moving in ways that do not hurt.", AdviceText(page), StringComparison.Ordinal);
        AssertNoRunningGuidance(page);
        // The advice still cites its published sources ([5, 6, 8]), so the numbered list stays.
        var sources = factory.Services.GetRequiredService<KnowledgeBase>().ReturnToRunning.References;
        Assert.Equal(sources.Count, page.Document.QuerySelectorAll(".result-self-care .plan-references li").Length);
    }

    [Fact]
    public async Task ACalmSelfCareRunnerStillGetsThePlanAndThePainRule()
    {
        var (_, page) = await ResultPosting.PostAndLoadAsync(factory.CreatePlainClient(), RuleRaisingAnswers.Calm, "a calm runner");

        Assert.NotNull(page.Document.QuerySelector(".return-to-running"));
        Assert.Contains("3 out of 10", AdviceText(page), StringComparison.Ordinal);
        // The sources are listed once, under the plan.
        Assert.Empty(page.Document.QuerySelectorAll(".result-self-care .plan-references"));
    }

    /// <summary>Everything the page advises: the action panel, the self-care section and any plan (not the runner's own answers).</summary>
    private static string AdviceText(HtmlPage page) => string.Join(
        "\n",
        page.Document.QuerySelectorAll(".urgency-banner, .result-self-care, .return-to-running, .result-get-help, .result-come-back").Select(e => e.TextContent));

    private static void AssertNoRunningGuidance(HtmlPage page)
    {
        var advice = AdviceText(page);
        Assert.Null(page.Document.QuerySelector(".return-to-running"));
        Assert.DoesNotContain("3 out of 10", advice, StringComparison.Ordinal);
        Assert.DoesNotContain("during a run", advice, StringComparison.Ordinal);
        Assert.DoesNotContain("how far and how hard you run", advice, StringComparison.Ordinal);
        Assert.DoesNotContain("Flat running is fine", advice, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Document.QuerySelectorAll("h2").Select(h => h.TextContent), h => h.Contains("unning", StringComparison.Ordinal));
    }
}
