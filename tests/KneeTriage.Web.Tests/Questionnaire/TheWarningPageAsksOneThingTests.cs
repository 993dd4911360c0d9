using AngleSharp.Dom;
using KneeTriage.Web.Pages.Check;
using KneeTriage.Web.Tests.Countries;
using KneeTriage.Web.Tests.Infrastructure;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// A tester's runner with a hot calf after a calf pull found "Carry on with the check" and "Did you
/// give an answer by mistake?" beside the urgent page's action: three things to do. The contract asks
/// an interruption for the action and a way to carry on; the action is the one thing the page asks,
/// and every way on (finishing the check, changing an answer given by mistake) is folded away after
/// it, under "once you have arranged to be seen today, you can finish the check".
/// </summary>
public sealed class TheWarningPageAsksOneThingTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Theory]
    [InlineData("GB", "/check/urgent", "Once you have arranged to be seen today, you can finish the check")]
    [InlineData("IE", "/check/urgent", "Once you have arranged to be seen today, you can finish the check")]
    [InlineData("US", "/check/urgent", "Once you have arranged to be seen today, you can finish the check")]
    [InlineData("GB", "/check/emergency", "Once help is on its way, you can finish the check")]
    public async Task EveryWayOnIsFoldedAwayAfterTheAction(string code, string expectedPage, string later)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var answers = expectedPage == "/check/urgent"
            ? CheckForm.SelfCareAnswers.With("calf-signs", "swollen", "warm").With("injury", "push-off").With("onset", "sudden").With("duration", "under-3-days")
            : CheckForm.SelfCareAnswers.With("breathless-or-chest-pain", "yes");

        var page = await CheckForm.AnswerEveryStepAsync(client, answers);

        Assert.Equal(expectedPage, page.Url);
        var main = page.Document.QuerySelector("main")!;
        var folded = main.QuerySelector("details.interruption-later");
        Assert.True(folded is not null, $"{code} {page.Url}: the ways on are not folded away after the action");
        Assert.Equal(later, Normalise(folded.QuerySelector("summary")?.TextContent ?? ""));
        Assert.True(main.QuerySelector(".interruption-action")!.CompareDocumentPosition(folded).HasFlag(DocumentPositions.Following));

        // The contract's way to carry on is kept, inside; nothing outside asks anything but the action.
        Assert.Equal(InterruptionChoices.CarryOn, Normalise(folded.QuerySelector("form button[type=submit]")?.TextContent ?? ""));
        Assert.NotNull(folded.QuerySelector(".interruption-change a"));
        // The action's own links (a service's list, like the HSE's) are part of it.
        var action = main.QuerySelector(".interruption-action")!;
        var outside = main.QuerySelectorAll("form, a[href]:not([href^='tel:'])").Where(element => !folded.Contains(element) && !action.Contains(element)).ToList();
        Assert.True(outside.Count == 0, $"{code} {page.Url}: beside the action: {string.Join(" | ", outside.Select(element => Normalise(element.TextContent)))}");
        var questions = main.QuerySelectorAll("h1, h2, h3").Select(heading => Normalise(heading.TextContent)).Where(heading => heading.EndsWith('?')).ToList();
        Assert.True(questions.Count == 0, $"{code} {page.Url}: a heading asks a second question: {string.Join(" | ", questions)}");
    }
}
