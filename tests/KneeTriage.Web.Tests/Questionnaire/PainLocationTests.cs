using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>Pain location: a knee diagram for the eye, ordinary labelled checkboxes for everyone.</summary>
public sealed class PainLocationTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private static readonly string[] Locations =
        ["back-center", "back-inner", "back-outer", "above-back", "below-back", "front", "inner-side", "outer-side"];

    [Fact]
    public async Task EveryPainLocationHasALabelledCheckboxAndAnAreaOnTheDiagram()
    {
        var page = await HtmlPage.LoadAsync(factory.CreatePlainClient(), "/check/pain");

        foreach (var location in Locations)
        {
            var box = page.Document.QuerySelector($"input[type=checkbox][name=pain-location][value={location}]");
            Assert.True(box is not null, $"No checkbox for {location}.");
            var label = page.Document.QuerySelector($"label[for='{box.Id}']");
            Assert.False(string.IsNullOrWhiteSpace(label?.TextContent), $"The {location} checkbox has no label.");
            Assert.True(page.Document.QuerySelector($".knee-diagram path.knee-region[data-value={location}]") is not null, $"No diagram area for {location}.");
        }
    }

    [Fact]
    public async Task TheDiagramShowsBackAndFrontViewsAndIsHiddenFromScreenReaders()
    {
        var page = await HtmlPage.LoadAsync(factory.CreatePlainClient(), "/check/pain");

        var svg = page.Document.QuerySelector(".knee-diagram svg");
        Assert.Equal("true", svg?.GetAttribute("aria-hidden"));
        var titles = svg!.QuerySelectorAll(".knee-view-title").Select(t => t.TextContent).ToList();
        Assert.Equal(["Back of the leg", "Front of the leg"], titles);
    }

    [Fact]
    public async Task FrontOfKneePainIsWordedSoItCannotBeMistakenForBehindTheKnee()
    {
        var page = await HtmlPage.LoadAsync(factory.CreatePlainClient(), "/check/pain");

        var frontBox = page.Document.QuerySelector("input[name=pain-location][value=front]")!;
        var frontLabel = page.Document.QuerySelector($"label[for='{frontBox.Id}']")!.TextContent;
        var backBox = page.Document.QuerySelector("input[name=pain-location][value=back-center]")!;
        var backLabel = page.Document.QuerySelector($"label[for='{backBox.Id}']")!.TextContent;

        Assert.Contains("kneecap", frontLabel, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("kneecap", backLabel, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TickedLocationsAreShownSelectedOnTheDiagramWithoutJavaScript()
    {
        var client = factory.CreatePlainClient();
        var first = await HtmlPage.LoadAsync(client, "/check/warning-signs");
        (await CheckForm.SubmitAsync(client, first, CheckForm.SelfCareAnswers)).Dispose();
        var pain = await HtmlPage.LoadAsync(client, "/check/pain");
        (await CheckForm.SubmitAsync(client, pain, CheckForm.SelfCareAnswers)).Dispose();

        var again = await HtmlPage.LoadAsync(client, "/check/pain");

        var selected = again.Document.QuerySelectorAll(".knee-region.is-selected").Select(r => r.GetAttribute("data-value")).ToHashSet();
        Assert.Equal(new HashSet<string?> { "back-outer", "above-back" }, selected);
    }
}
