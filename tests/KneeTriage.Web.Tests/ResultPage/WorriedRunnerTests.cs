using System.Net;
using Bunit;
using KneeTriage.Triage.Engine;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Submission;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// A worried runner on a phone: every emergency number is a tap-to-call link, the warning icon
/// keeps its "!", the chart's long names wrap instead of running off, reasons and answers wait
/// behind disclosures, and deleting asks before it deletes, all without script.
/// </summary>
public sealed class WorriedRunnerTests : BunitContext, IClassFixture<RateLimitsOffAppFactory>
{
    private readonly RateLimitsOffAppFactory factory;

    public WorriedRunnerTests(RateLimitsOffAppFactory factory) => this.factory = factory;

    [Theory]
    [InlineData("Call 999 now, or 112.", new[] { "999", "112" })]
    [InlineData("In the US, 911; NHS 111 the same day.", new[] { "911", "111" })]
    [InlineData("Not 1999, 9990 or 3.112 & <b>", new string[0])]
    public void EmergencyNumbersBecomeTapToCallLinksAndTheRestStaysText(string text, string[] numbers)
    {
        var html = ServiceText.AsWritten.Encode(text);

        var links = HtmlPage.Parse("/", $"<p>{html}</p>").Document.QuerySelectorAll("a");
        Assert.Equal(numbers.Select(n => $"tel:{n}"), links.Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/check")]
    [InlineData("/check/emergency")]
    [InlineData("/")]
    public async Task EveryEmergencyNumberOnThePageCanBeTappedToCall(string path)
    {
        var client = factory.CreatePlainClient();
        if (path == "/check/emergency")
        {
            await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers.With("breathless-or-chest-pain", "yes"));
        }

        var page = await HtmlPage.LoadAsync(client, path);

        AssertEveryNumberIsALink(page);
    }

    [Fact]
    public async Task AnEmergencyResultLinksItsNumbersAndShowsTheWarningIconWithItsExclamationMark()
    {
        var client = factory.CreatePlainClient();
        var answers = CheckForm.SelfCareAnswers.With("breathless-or-chest-pain", "yes");
        var advice = await CheckForm.AnswerEveryStepAsync(client, answers);
        string next;
        using (var carryOn = await CheckForm.SubmitAsIsAsync(client, advice, "main form"))
        {
            next = carryOn.Headers.Location!.OriginalString;
        }

        var review = await CheckForm.AnswerEveryStepAsync(client, answers, next);
        using var submitted = await CheckForm.SubmitAsIsAsync(client, review, "main form.actions");
        var page = await HtmlPage.LoadAsync(client, submitted.Headers.Location!.OriginalString);

        Assert.Contains("urgency-emergency", page.Document.QuerySelector(".urgency-banner")?.ClassName, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector(".urgency-banner a[href='tel:999']"));
        AssertEveryNumberIsALink(page);
        // The "!" is a hole in the triangle; with the default fill rule it is painted over.
        Assert.Equal("evenodd", page.Document.QuerySelector(".urgency-icon path")?.GetAttribute("fill-rule"));
    }

    [Fact]
    public async Task OnTheResultTheAdviceComesFirstAndReasonsAndAnswersWaitBehindDisclosures()
    {
        var client = factory.CreatePlainClient();
        var url = await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers);

        var page = await HtmlPage.LoadAsync(client, url);

        Assert.NotEmpty(page.Document.QuerySelectorAll(".cause details.cause-why:not([open]) .cause-reasons-for li"));
        Assert.NotNull(page.Document.QuerySelector(".result-answers details.result-disclosure:not([open]) .answer-summary"));
        Assert.NotNull(page.Document.QuerySelector(".urgency-banner .do-now-list li, .urgency-banner .urgency-summary"));
    }

    [Fact]
    public async Task DeletingAsksFirstAndWorksWithoutScript()
    {
        var client = factory.CreatePlainClient();
        var url = await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers);
        var page = await HtmlPage.LoadAsync(client, url);

        var confirm = page.Document.QuerySelector(".result-delete details.delete-confirm:not([open])");
        Assert.NotNull(confirm);
        Assert.Equal("Delete this result", confirm.QuerySelector("summary")?.TextContent.Trim());
        Assert.Equal("Yes, delete this result", confirm.QuerySelector("form button[type=submit]")?.TextContent.Trim());
        Assert.Null(page.Document.QuerySelector(".result-delete > form"));

        using var deleted = await CheckForm.SubmitAsIsAsync(client, page, ".delete-confirm form");
        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        Assert.False(await factory.IsStoredAsync(url["/results/".Length..]), "the result is still stored after the confirmed delete");
    }

    private static void AssertEveryNumberIsALink(HtmlPage page)
    {
        var walker = page.Document.CreateTreeWalker(page.Document.Body!, AngleSharp.Dom.FilterSettings.Text);
        var unlinked = new List<string>();
        while (walker.ToNext() is AngleSharp.Dom.IText text)
        {
            // A source's title in the footer ("Should I ring 999 or 111?") is a citation, not an instruction.
            if (text.ParentElement?.Closest("a[href^='tel:'], .country-sources a, script, style, title, desc, svg") is not null)
            {
                continue;
            }

            foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(text.Data, @"(?<![\d.,])(?:999|112|911)(?!\d)"))
            {
                unlinked.Add($"\"{match.Value}\" in \"{text.Data.Trim()}\"");
            }
        }

        Assert.True(unlinked.Count == 0, $"{page.Url}: emergency numbers without a tel: link:\n{string.Join('\n', unlinked)}");
    }
}
