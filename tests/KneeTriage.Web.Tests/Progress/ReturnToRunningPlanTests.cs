using Bunit;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Progress;

namespace KneeTriage.Web.Tests.Progress;

public sealed class ReturnToRunningPlanTests : BunitContext
{
    private static readonly Lazy<ReturnToRunningPlanText> Shipped =
        new(() => KnowledgeBaseLoader.Load(Path.Combine(AppContext.BaseDirectory, "content", "triage")).ReturnToRunning);

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
    public void EveryItemShowsItsSourceInSmallText()
    {
        var plan = Shipped.Value;

        var sources = RenderPlan(plan).FindAll("small.plan-source").Select(s => s.TextContent).ToList();

        // The gate, the phases, step back, advance, rest days, runs a week and stop.
        Assert.Equal(plan.Gate.Count + plan.Phases.Count + 5, sources.Count);
        Assert.Contains("Source: clinical notes 3.3; src 99", sources);
        Assert.All(sources, s => Assert.StartsWith("Source: clinical notes ", s, StringComparison.Ordinal));
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
}
