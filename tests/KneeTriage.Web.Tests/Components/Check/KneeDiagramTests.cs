using Bunit;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Components.Check;

namespace KneeTriage.Web.Tests.Components.Check;

public sealed class KneeDiagramTests : BunitContext
{
    private static readonly AnswerOption[] Options =
    [
        new() { Value = "back-center", Label = "Back of the knee, in the middle" },
        new() { Value = "front", Label = "Front of the knee, around or behind the kneecap" },
    ];

    [Fact]
    public void DrawsAnAreaOnlyForTheOptionsItIsGivenNamedByTheirLabels()
    {
        var cut = Render<KneeDiagram>(p => p.Add(c => c.Options, Options));

        var regions = cut.FindAll("path.knee-region");
        Assert.Equal(["back-center", "front"], regions.Select(r => r.GetAttribute("data-value")));
        Assert.Equal(Options.Select(o => o.Label), regions.Select(r => r.QuerySelector("title")!.TextContent));
    }

    [Fact]
    public void MarksTheTickedAreasAsSelected()
    {
        var cut = Render<KneeDiagram>(p => p.Add(c => c.Options, Options).Add(c => c.Selected, ["front"]));

        Assert.Equal(["front"], cut.FindAll(".knee-region.is-selected").Select(r => r.GetAttribute("data-value")));
    }

    [Fact]
    public void IsHiddenFromAssistiveTechnologyBecauseTheCheckboxesAreTheControl()
    {
        var cut = Render<KneeDiagram>(p => p.Add(c => c.Options, Options));

        Assert.Equal("true", cut.Find("svg").GetAttribute("aria-hidden"));
        Assert.Empty(cut.FindAll("[tabindex], [style]"));
    }
}
