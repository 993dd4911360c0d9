using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// Issue 20, step 1 as a worried runner reads it: the calf question does not frighten a runner with
/// tight hamstrings (the emergency words belong to the interruption, shown only when both facts are
/// there), the severe-pain question can be answered by a runner whose pain began at rest, and both-knee
/// and front-of-knee runners are told how to answer.
/// </summary>
public sealed class FirstStepWordsTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private async Task<HtmlPage> FirstStepAsync() => await HtmlPage.LoadAsync(factory.CreatePlainClient(), "/check/warning-signs");

    private static string FieldText(HtmlPage page, string partId) =>
        page.Document.QuerySelector($"input[name={partId}]")?.Closest("fieldset")?.TextContent
            ?? throw new InvalidOperationException($"No field '{partId}' on {page.Url}.");

    [Fact]
    public async Task TheCalfQuestionCarriesNoEmergencyWordsAndStandsAlone()
    {
        var calf = FieldText(await FirstStepAsync(), "tight-calf-after-run");

        Assert.DoesNotContain("999", calf, StringComparison.Ordinal);
        Assert.DoesNotContain("emergency", calf, StringComparison.OrdinalIgnoreCase);
        // "that calf" leans on the question before; a runner who answered "no" to it has no "that calf".
        Assert.DoesNotContain("that calf", calf, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheSeverePainQuestionFitsARunnerWhosePainBeganAtRest()
    {
        var severe = FieldText(await FirstStepAsync(), "severe-pain-after-run");

        Assert.DoesNotContain("after you stopped running", severe, StringComparison.Ordinal);
        Assert.Contains("if you were not running", severe, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepOneTellsBothKneeAndFrontOfKneeRunnersHowToAnswer()
    {
        var page = await FirstStepAsync();
        var intro = page.Document.QuerySelector("main")?.TextContent ?? string.Empty;

        Assert.Contains("If both legs hurt, answer yes when either leg has the sign.", intro, StringComparison.Ordinal);
        Assert.Contains("behind the kneecap, counts too", intro, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWhichLegQuestionTellsABothLegsRunnerToReportASignOnEitherLeg()
    {
        var client = factory.CreatePlainClient();
        foreach (var url in new[] { "/check/warning-signs", "/check/hot-knee" })
        {
            using var saved = await CheckForm.SubmitAsync(client, await HtmlPage.LoadAsync(client, url), CheckForm.SelfCareAnswers);
        }

        var side = FieldText(await HtmlPage.LoadAsync(client, "/check/about-the-injury"), "side");

        Assert.Contains("answer yes if either leg has it", side, StringComparison.Ordinal);
    }
}
