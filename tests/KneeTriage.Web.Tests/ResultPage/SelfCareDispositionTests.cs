using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// Contract v1.2, "What to do: disposition, one voice": a self-care result's panel holds its one
/// action; the advice lines (load, the first days, painkillers, the pain rule) sit in the self-care
/// section below it. The walkers found four long advice lines in the panel.
/// </summary>
public sealed class SelfCareDispositionTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task ASelfCareResultsPanelHoldsOneActionAndItsAdviceSitsInTheSelfCareSection()
    {
        var advice = factory.Services.GetRequiredService<KnowledgeBase>().Advice.Action[Disposition.SelfCare];
        var (body, page) = await ResultPosting.PostAndLoadAsync(factory.CreatePlainClient(), RuleRaisingAnswers.Calm, "a calm runner");
        Assert.Equal("self-care", body.GetProperty("disposition").GetString());

        var panelLines = page.Document.QuerySelectorAll(".urgency-banner .do-now-list li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal([advice[0]], panelLines);
        var selfCare = page.Document.QuerySelector(".result-self-care");
        Assert.NotNull(selfCare);
        var general = selfCare.QuerySelectorAll(".self-care-general li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(advice.Count - 1, general.Count);
        Assert.Contains(general, line => line.StartsWith("Keep the pain during a run at 3 out of 10 or less.", StringComparison.Ordinal));
        // The general advice comes first, before any condition's card.
        Assert.Equal("self-care-general", selfCare.QuerySelector("ul")?.ClassName);
    }

    [Fact]
    public async Task ASelfCareResultsGeneralAdviceGivesNoRecoveryTimeBesideTheCards()
    {
        var (_, page) = await ResultPosting.PostAndLoadAsync(factory.CreatePlainClient(), RuleRaisingAnswers.Calm, "a calm runner");

        var general = page.Document.QuerySelector(".self-care-general")!.TextContent;
        Assert.DoesNotContain("weeks", general, StringComparison.Ordinal);
    }
}
