using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.Countries;

/// <summary>
/// A tester's runner in Ireland with a hot knee read "call a GP out-of-hours service" on the urgent
/// page and the result, with no number, no service's name and no button: Ireland has no national
/// urgent line, and its GP out-of-hours services are regional. Her action says how to reach hers:
/// her GP's own number, whose recorded message gives it, or the HSE's list without a GP.
/// </summary>
public sealed class IrelandOutOfHoursTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private const string HowToReachIt = "call your GP's usual number: its recorded message gives the number of your local GP out-of-hours service.";

    [Fact]
    public async Task TheUrgentPageAndTheResultSayHowToFindTheOutOfHoursNumber()
    {
        var client = await CountryViewer.ChoosingAsync(factory, "IE");
        var hotKnee = CheckForm.SelfCareAnswers.With("hot-red-knee", "yes");

        var warning = await CheckForm.AnswerEveryStepAsync(client, hotKnee);
        Assert.Equal("/check/urgent", warning.Url);
        var result = await HtmlPage.LoadAsync(client, await CheckForm.CompleteCheckAsync(client, hotKnee));

        foreach (var (page, action) in new[] { (warning, ".interruption-action li"), (result, ".urgency-banner .do-now-list li") })
        {
            var line = Normalise(page.Document.QuerySelector(action)?.TextContent ?? "");
            Assert.True(line.Contains(HowToReachIt, StringComparison.Ordinal), $"{page.Url}'s action gives no way to reach a GP out-of-hours service: {line}");
            Assert.Contains("HSE's list of GP out-of-hours services", line, StringComparison.Ordinal);
        }
    }
}
