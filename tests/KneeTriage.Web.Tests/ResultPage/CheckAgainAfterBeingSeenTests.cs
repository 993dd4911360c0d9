using AngleSharp.Dom;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// On a same-day or emergency result, "Check again" (the page's one filled button) and "Share with a
/// coach's board" read to a runner looking for leave to wait as "see how it goes". There they wait
/// below the advice under "After you have been seen", worded for later and no louder than the action;
/// self-care and appointment results keep them as they were.
/// </summary>
public sealed class CheckAgainAfterBeingSeenTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private static readonly string[] AdviceSections = [".urgency-banner", ".result-get-help", ".result-self-care", ".result-come-back"];

    [Theory]
    [InlineData("four-steps-now", "no")]
    [InlineData("breathless-or-chest-pain", "yes")]
    public async Task OnASameDayOrEmergencyResultCheckingAgainAndSharingWaitAfterTheAdviceUnderAfterYouHaveBeenSeen(string question, string answer)
    {
        var client = factory.CreatePlainClient();
        var page = await HtmlPage.LoadAsync(client, await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers.With(question, answer)));
        var result = page.Document.QuerySelector("article.result")!;

        var afterSeen = result.QuerySelector(".result-after-seen");
        Assert.True(afterSeen is not null, "No \"After you have been seen\" section: check again and the boards sit beside the action as alternatives.");
        Assert.Equal(CheckAgainOffer.AfterBeingSeenHeading, afterSeen.QuerySelector("h2")?.TextContent.Trim());
        Assert.NotNull(afterSeen.QuerySelector(".result-check-again form"));
        Assert.NotNull(afterSeen.QuerySelector(".result-boards"));
        foreach (var advice in result.QuerySelectorAll(string.Join(", ", AdviceSections)))
        {
            Assert.True(advice.CompareDocumentPosition(afterSeen).HasFlag(DocumentPositions.Following), $"\"After you have been seen\" comes before {advice.ClassName}.");
        }

        var checkAgain = afterSeen.QuerySelector(".result-check-again button[type=submit]")!;
        Assert.Equal("Check again after you have been seen", checkAgain.TextContent.Trim());
        Assert.Contains("not a way to wait", afterSeen.QuerySelector(".result-check-again")!.TextContent, StringComparison.Ordinal);
        // Nothing below the action is louder than it: no filled button anywhere on the result.
        Assert.Empty(result.QuerySelectorAll(".button-primary"));
        Assert.Equal("Once you have been seen, you can take the symptom check again.", result.QuerySelector(".result-again")?.TextContent.Trim());
    }

    [Fact]
    public async Task ASelfCareResultKeepsCheckAgainAndSharingAsTheyWere()
    {
        var client = factory.CreatePlainClient();
        var page = await HtmlPage.LoadAsync(client, await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers));

        Assert.Null(page.Document.QuerySelector(".result-after-seen"));
        Assert.Equal("Check again", page.Document.QuerySelector("#check-again-title")?.TextContent.Trim());
        var checkAgain = page.Document.QuerySelector(".result-check-again button[type=submit]")!;
        Assert.Equal("Check again", checkAgain.TextContent.Trim());
        Assert.Contains("button-primary", checkAgain.ClassName, StringComparison.Ordinal);
        Assert.Equal("h2", page.Document.QuerySelector("#boards-title")?.LocalName);
        Assert.Equal("Take the symptom check again", page.Document.QuerySelector(".result-again")?.TextContent.Trim());
    }

    /// <summary>
    /// Walk 23: a booked result offered "Check again" (filled) and a reminder a week on with nothing to
    /// say the booking comes first, beside "Book a GP or a physiotherapist in the next few days".
    /// </summary>
    [Fact]
    public async Task ABookedResultsCheckAgainSaysTheBookingComesFirstAndIsNoLouderThanIt()
    {
        var client = factory.CreatePlainClient();
        var page = await HtmlPage.LoadAsync(client, await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers.With("pain-severity", "9")));
        Assert.StartsWith("Book a GP", PageText.Normalise(page.Document.QuerySelector(".urgency-banner")!.TextContent), StringComparison.Ordinal);

        var offer = page.Document.QuerySelector(".result-check-again")!;
        Assert.StartsWith(CheckAgainOffer.BookingFirstWords, PageText.Normalise(offer.QuerySelector("p")!.TextContent), StringComparison.Ordinal);
        Assert.Equal("Book the appointment first; checking again does not replace it.", CheckAgainOffer.BookingFirstWords);
        Assert.Empty(page.Document.QuerySelectorAll("article.result .button-primary"));
    }
}
