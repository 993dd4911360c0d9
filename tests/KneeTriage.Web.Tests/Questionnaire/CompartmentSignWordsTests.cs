using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// Step 1's 999 sign (acute compartment syndrome: pain still severe after an hour of rest, in a
/// calf that is hard or tight) as a worried runner reads it. A tester walking it as a runner with a
/// calf pull yesterday, worst pain 8 and 4 now, met "still severe now, an hour or more after your
/// run, without easing?" (three facts, and a run she had not just had), and "tight or hard", which
/// she could not tell from the swelling she had. Each part now asks one fact, in the present.
/// </summary>
public sealed class CompartmentSignWordsTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private async Task<AngleSharp.Dom.IElement> FieldAsync(string partId)
    {
        var page = await HtmlPage.LoadAsync(factory.CreatePlainClient(), "/check/warning-signs");
        return page.Document.QuerySelector($"input[name={partId}]")?.Closest("fieldset")
            ?? throw new InvalidOperationException($"No field '{partId}' on {page.Url}.");
    }

    [Fact]
    public async Task TheSeverePainPartAsksOneFactInThePresentWithNoRunAssumed()
    {
        var field = await FieldAsync("severe-pain-after-run");
        var question = PageText.Normalise(field.QuerySelector("legend")!.TextContent);
        var hint = PageText.Normalise(field.QuerySelector(".form-hint")!.TextContent);

        Assert.DoesNotContain("without easing", question, StringComparison.Ordinal);
        Assert.DoesNotContain("your run", question, StringComparison.Ordinal);
        // One clause: no second fact after a comma or an "and".
        Assert.DoesNotContain(",", question, StringComparison.Ordinal);
        Assert.DoesNotContain(" and ", question, StringComparison.Ordinal);
        Assert.StartsWith("Is the pain", question, StringComparison.Ordinal);
        // The runner whose worst was yesterday answers for now; severe has a meaning.
        Assert.Contains("Answer for how it is now.", hint, StringComparison.Ordinal);
        Assert.Contains("Severe means", hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHardCalfPartSaysHowHardFeelsAndThatSwollenIsDifferent()
    {
        var field = await FieldAsync("tight-calf-after-run");
        var question = PageText.Normalise(field.QuerySelector("legend")!.TextContent);
        var hint = PageText.Normalise(field.QuerySelector(".form-hint")!.TextContent);

        Assert.Equal("With your leg relaxed, does your calf feel hard or tight when you press it?", question);
        Assert.Contains("like a muscle you are tensing", hint, StringComparison.Ordinal);
        Assert.Contains("Swollen is different", hint, StringComparison.Ordinal);
    }
}
