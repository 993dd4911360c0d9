using AngleSharp.Dom;
using KneeTriage.Web.Pages.Check;
using KneeTriage.Web.Tests.Countries;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// A runner looking for leave to wait read a warning page's "I understand: carry on with the check"
/// (its only button under "go to an emergency department") as "keep going and see", and "I answered
/// by mistake: change my answer" as a way to turn a "not sure" into a "no". The page's action is the
/// only thing that looks like something to do; carrying on is a link-styled choice that says it softens
/// nothing; changing an answer says it is for a mistake and that "not sure" stays "not sure".
/// </summary>
public sealed class WarningPageLeadsWithItsActionTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Theory]
    [InlineData("GB", "/check/emergency", "hot-red-knee", "yes", "fever", "yes")]
    [InlineData("GB", "/check/emergency", "breathless-or-chest-pain", "yes", null, null)]
    [InlineData("GB", "/check/urgent", "calf-signs", "swollen", "calf-signs", "warm")]
    [InlineData("ZZ", "/check/urgent", "calf-signs", "swollen", "calf-signs", "warm")]
    public async Task TheWarningPagesOnlyButtonLookIsItsActionAndCarryingOnIsAQuietChoiceBelowIt(
        string country, string page, string question, string value, string? secondQuestion, string? secondValue)
    {
        var client = await CountryViewer.ChoosingAsync(factory, country);
        var answers = secondQuestion is null ? CheckForm.SelfCareAnswers.With(question, value)
            : question == secondQuestion ? CheckForm.SelfCareAnswers.With(question, value, secondValue!)
            : CheckForm.SelfCareAnswers.With(question, value).With(secondQuestion, secondValue!);

        var advice = await CheckForm.AnswerEveryStepAsync(client, answers);

        Assert.Equal(page, advice.Url);
        var main = advice.Document.QuerySelector("main")!;
        var carryOnForm = main.QuerySelector("form")!;
        var carryOn = carryOnForm.QuerySelector("button[type=submit]")!;
        Assert.Equal(InterruptionChoices.CarryOn, carryOn.TextContent.Trim());
        // Nothing styled as a button is the carry-on: the first (if any) is the action's own call.
        var firstButtonLook = main.QuerySelector(".button");
        Assert.True(firstButtonLook is null || !carryOnForm.Contains(firstButtonLook),
            $"The page's first button is \"{firstButtonLook?.TextContent.Trim()}\": carrying on must not look like the thing to do.");
        Assert.False(carryOn.ClassList.Contains("button") || carryOn.ClassList.Contains("button-primary"), $"The carry-on button is styled \"{carryOn.ClassName}\".");
        // The action leads: the heading and its action lines come before every way on.
        Assert.True(main.QuerySelector("h1")!.CompareDocumentPosition(carryOnForm).HasFlag(DocumentPositions.Following));
        Assert.True(main.QuerySelector(".interruption-action")!.CompareDocumentPosition(carryOnForm).HasFlag(DocumentPositions.Following));
        Assert.Contains("you can finish the check", main.QuerySelector("details.interruption-later > summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(ActionStillStands.FinishingDoesNotChangeIt, main.TextContent, StringComparison.Ordinal);

        var change = main.QuerySelectorAll("a").Single(a => a.TextContent.Contains("mistake", StringComparison.Ordinal));
        Assert.Equal(InterruptionChoices.ChangeAnswer, change.TextContent.Trim());
        Assert.Contains("keep \u201cNot sure\u201d", main.QuerySelector(".interruption-keep-not-sure")?.TextContent, StringComparison.Ordinal);
    }
}
