using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// Two boxes a tester walking as a runner with psoriatic arthritis and brown skin could not answer
/// honestly: the calf's "Red or darker than usual" (the only "Not sure" covers the whole list) and
/// "Arthritis in this knee" (does an arthritis of many joints count?). Each box now says what to
/// tick; ticking is the cautious answer (the engine's <c>RedTickedWhenUnsureTests</c>; arthritis
/// is an infection risk in warning-rules.yaml).
/// </summary>
public sealed class BoxesARunnerCannotTellTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private async Task<(HtmlPage Calf, HtmlPage HotKnee)> StepsAsync()
    {
        var client = factory.CreatePlainClient();
        await CheckForm.ReachReviewAsync(client, CheckForm.SelfCareAnswers);
        return (await HtmlPage.LoadAsync(client, "/check/calf?change=true"), await HtmlPage.LoadAsync(client, "/check/hot-knee?change=true"));
    }

    private static string Text(HtmlPage page, string selector) =>
        PageText.Normalise(page.Document.QuerySelector(selector)?.TextContent ?? throw new Xunit.Sdk.XunitException($"{page.Url} has no {selector}."));

    [Fact]
    public async Task TheRedBoxTellsARunnerWhoCannotSeeRednessToTickIt()
    {
        var (calf, _) = await StepsAsync();

        var hint = Text(calf, "#calf-signs-red-hint");

        Assert.Contains("If you cannot tell whether it is red or darker, for example on brown or black skin, tick it.", hint, StringComparison.Ordinal);
        // The box's hint is the box's own: a screen reader reads it with the box.
        Assert.Equal("calf-signs-red-hint", calf.Document.QuerySelector("input[name=calf-signs][value=red]")?.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task TheArthritisBoxSaysAnArthritisOfManyJointsCounts()
    {
        var (_, hotKnee) = await StepsAsync();

        var label = Text(hotKnee, "label[for=history-arthritis]");
        var hint = Text(hotKnee, "#history-arthritis-hint");

        Assert.Equal("Arthritis in this knee, or an arthritis that affects many joints", label);
        Assert.Contains("rheumatoid or psoriatic arthritis", hint, StringComparison.Ordinal);
        Assert.Contains("Tick it even if no one has said the arthritis is in this knee.", hint, StringComparison.Ordinal);
    }
}
