using System.Net;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// Answers that contradict each other are shown on the form where the runner can fix them: beside
/// both fields on the step, and on the review page with a link to change each answer.
/// </summary>
public sealed class ContradictionFormTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private const string NoPainWithSeverity = "You chose 'I have no pain' but gave a pain severity of 3 out of 10.";

    private static Dictionary<string, string[]> NoPainWithSeverityThree()
    {
        var answers = CheckForm.SelfCareAnswers.With("pain-type", "none").With("pain-severity", "3").ToDictionary(a => a.Key, a => a.Value);
        answers.Remove("pain-location");
        answers["pain-triggers"] = ["none-of-these"];
        return answers;
    }

    [Fact]
    public async Task NoPainWithASeverityIsShownBesideBothFieldsAndOnceInTheSummary()
    {
        var client = factory.CreatePlainClient();
        var page = await HtmlPage.LoadAsync(client, "/check/pain");

        using var response = await CheckForm.SubmitAsync(client, page, NoPainWithSeverityThree());
        var errorPage = HtmlPage.Parse(page.Url, await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Error:", errorPage.Title, StringComparison.Ordinal);
        Assert.StartsWith("Error: " + NoPainWithSeverity, errorPage.Document.QuerySelector("#pain-type-error")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Error: " + NoPainWithSeverity, errorPage.Document.QuerySelector("#pain-severity-error")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("true", errorPage.Document.QuerySelector("#pain-severity")?.GetAttribute("aria-invalid"));
        var link = Assert.Single(errorPage.Document.QuerySelectorAll(".error-summary a"));
        Assert.Equal("#pain-type", link.GetAttribute("href"));
        Assert.StartsWith(NoPainWithSeverity, link.TextContent, StringComparison.Ordinal);
        Assert.Equal("3", errorPage.Document.QuerySelector("#pain-severity")?.GetAttribute("value"));
    }

    [Fact]
    public async Task ChangingTheSeverityToZeroLetsTheRunnerGoOn()
    {
        var client = factory.CreatePlainClient();
        var page = await HtmlPage.LoadAsync(client, "/check/pain");

        using var response = await CheckForm.SubmitAsync(client, page, NoPainWithSeverityThree().With("pain-severity", "0"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    [Fact]
    public async Task AContradictionInASavedDraftIsShownOnReviewWithALinkToChangeEachAnswerAndNothingIsStored()
    {
        var client = factory.CreatePlainClient();
        client.DefaultRequestHeaders.Add("Cookie", factory.DraftCookieFor(NoPainWithSeverityThree()));
        var before = await factory.StoredCountAsync();
        var review = await HtmlPage.LoadAsync(client, "/check/review");

        using var response = await CheckForm.SubmitAsIsAsync(client, review, "main form.actions");
        var page = HtmlPage.Parse("/check/review", await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = page.Document.QuerySelectorAll(".error-summary a").ToDictionary(a => a.GetAttribute("href") ?? "", a => a.TextContent);
        Assert.Equal(["/check/pain?change=true#pain-severity", "/check/pain?change=true#pain-type"], links.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("What is the pain like?", links["/check/pain?change=true#pain-type"], StringComparison.Ordinal);
        Assert.All(links.Values, text => Assert.Contains(NoPainWithSeverity, text, StringComparison.Ordinal));
        Assert.Equal(before, await factory.StoredCountAsync());
    }
}
