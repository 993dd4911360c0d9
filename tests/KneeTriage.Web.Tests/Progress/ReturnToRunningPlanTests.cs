using Bunit;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Progress;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Progress;

public sealed class ReturnToRunningPlanTests : BunitContext
{
    private static readonly Lazy<ReturnToRunningPlanText> Shipped =
        new(() => ShippedKnowledgeBase.Instance.ReturnToRunning);

    private IRenderedComponent<ReturnToRunningPlan> RenderPlan(ReturnToRunningPlanText plan) =>
        Render<ReturnToRunningPlan>(p => p.Add(c => c.Plan, plan));

    [Fact]
    public void TheGateComesBeforeThePhases()
    {
        var cut = RenderPlan(Shipped.Value);

        var headings = cut.FindAll("h3").Select(h => h.TextContent).ToList();
        Assert.True(headings.IndexOf("Before your first run") < headings.IndexOf("The phases"), $"Headings in order: {string.Join(" / ", headings)}");
        Assert.Contains("walk briskly for 30 minutes without pain", cut.Find("ul.plan-gate > li").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePhasesAreAnOrderedListInTheFilesOrder()
    {
        var plan = Shipped.Value;

        var items = RenderPlan(plan).FindAll("ol.plan-phases > li");

        Assert.Equal(plan.Phases.Count, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            Assert.StartsWith($"Phase {i + 1}. {plan.Phases[i].Text}", items[i].TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheRuleForABadRunIsAPlainParagraphUnderItsOwnHeading()
    {
        var cut = RenderPlan(Shipped.Value);

        var paragraph = cut.Find("p.plan-step-back");
        Assert.Equal("If a run hurts", paragraph.PreviousElementSibling?.TextContent);
        Assert.StartsWith(Shipped.Value.StepBack.Text, paragraph.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePlanCitesItsPublishedSourcesAndNoInternalNote()
    {
        var plan = Shipped.Value;

        var cut = RenderPlan(plan);

        Assert.Empty(cut.FindAll(".plan-source"));
        Assert.DoesNotContain("clinical notes", cut.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src ", cut.Markup, StringComparison.Ordinal);
        var citations = cut.FindAll(".plan-references li");
        Assert.Equal(plan.References.Count, citations.Count);
        var trial = Assert.Single(citations, li => li.TextContent.Contains("Trials (BioMed Central)", StringComparison.Ordinal));
        Assert.Contains("2023", trial.TextContent, StringComparison.Ordinal);
        Assert.NotNull(trial.QuerySelector("cite"));
        Assert.Equal("https://trialsjournal.biomedcentral.com/articles/10.1186/s13063-023-07502-x/tables/1", trial.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public void EverySourceAnItemCitesHasItsCitation()
    {
        var plan = Shipped.Value;

        var cited = plan.Items.SelectMany(i => i.SourceIds).Distinct().Order();

        Assert.Subset(plan.References.Select(r => r.Number).ToHashSet(), cited.ToHashSet());
        Assert.All(plan.References, r => Assert.False(string.IsNullOrWhiteSpace(r.Publisher) || string.IsNullOrWhiteSpace(r.Title) || string.IsNullOrWhiteSpace(r.Year)));
    }

    [Fact]
    public void TextFromTheFileIsEncodedNotMarkup()
    {
        var item = new PlanItem { Text = "<script>alert(1)</script> Walk <b>2</b> minutes", Source = "clinical-notes 3.3; src 99", SourceIds = [99] };
        var plan = Shipped.Value with { Phases = [item, item] };

        var cut = RenderPlan(plan);

        Assert.Empty(cut.FindAll("ol.plan-phases script, ol.plan-phases b"));
        Assert.Contains("<script>alert(1)</script>", cut.Find("ol.plan-phases > li").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void EachItemCitesItsSourcesByTheirPlaceInTheNumberedList()
    {
        var plan = Shipped.Value;

        var cut = RenderPlan(plan);

        var listed = cut.FindAll("ol.plan-references > li").Select(li => li.QuerySelector("a")?.GetAttribute("href")).ToList();
        var painRule = cut.Find("p.plan-pain-rule").TextContent;
        var expected = plan.PainRule.SourceIds.Select(id => listed.IndexOf(plan.References.Single(r => r.Number == id).Url.AbsoluteUri) + 1).Order();
        Assert.EndsWith($" [{string.Join(", ", expected)}]", painRule, StringComparison.Ordinal);
        Assert.StartsWith(plan.PainRule.Text, painRule, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunnerStillRunningGetsLoadManagementNotThePhases()
    {
        var plan = Shipped.Value;

        var cut = Render<ReturnToRunningPlan>(p => p.Add(c => c.Plan, plan).Add(c => c.StillRunning, true));

        Assert.Equal(plan.StillRunning.Count, cut.FindAll("ul.plan-still-running > li").Count);
        Assert.Empty(cut.FindAll("ol.plan-phases, ul.plan-gate"));
        Assert.NotNull(cut.Find("p.plan-pain-rule"));
    }
}
