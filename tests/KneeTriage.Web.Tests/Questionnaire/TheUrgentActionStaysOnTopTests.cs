using AngleSharp.Dom;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Tests.Countries;
using KneeTriage.Web.Tests.Infrastructure;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// A tester's runner with a hot calf after a calf pull carried on past the urgent page; the later
/// pages' footer said "Follow the action at the top of this page". Every later page, the review
/// included, shows that action at its top (the draft cookie remembers the warning page read), so a
/// runner finishing the check does not forget to be seen today, and the footer points at it.
/// </summary>
public sealed class TheUrgentActionStaysOnTopTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private static readonly IReadOnlyDictionary<string, string[]> HotCalfAfterACalfPull =
        CheckForm.SelfCareAnswers.With("calf-signs", "swollen", "warm").With("injury", "push-off").With("onset", "sudden").With("duration", "under-3-days");

    [Theory]
    [InlineData("GB")]
    [InlineData("IE")]
    [InlineData("US")]
    public async Task EveryLaterPageLeadsWithTheDoctorTodayTheFooterPointsTo(string code)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var doctor = Normalise(ServiceText.For(CountryTable.Default.Find(code)).Plain("Be seen by a doctor today (NHS 111 or an urgent GP appointment)."));
        var urgent = await CheckForm.AnswerEveryStepAsync(client, HotCalfAfterACalfPull);
        Assert.Equal("/check/urgent", urgent.Url);
        using var carryOn = await CheckForm.SubmitAsIsAsync(client, urgent, "main form");
        var url = carryOn.Headers.Location!.OriginalString;

        var seen = new List<string>();
        for (var guard = 0; guard < 12; guard++)
        {
            var page = await HtmlPage.LoadAsync(client, url);
            seen.Add(url);
            var reminder = page.Document.QuerySelector("main .action-still-stands");
            Assert.True(reminder is not null, $"{code} {url}: no reminder of the action at the top, under a footer saying \"Follow the action at the top of this page\"");
            Assert.Contains(doctor, Normalise(reminder.TextContent), StringComparison.Ordinal);
            var first = page.Document.QuerySelector("main form, main h1");
            Assert.True(first is not null && reminder.CompareDocumentPosition(first).HasFlag(DocumentPositions.Following), $"{code} {url}: the reminder is not above the page's heading and form");
            Assert.Contains("Follow the action at the top of this page.", Normalise(page.Document.QuerySelector("footer .disclaimer")!.TextContent), StringComparison.Ordinal);
            if (url == "/check/review")
            {
                break;
            }

            using var next = await CheckForm.SubmitAsync(client, page, HotCalfAfterACalfPull);
            url = next.Headers.Location!.OriginalString;
        }

        Assert.Equal("/check/review", seen[^1]);
        Assert.True(seen.Count >= 3, $"only {string.Join(", ", seen)}");
    }
}
