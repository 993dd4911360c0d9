using System.Net;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>Submitting re-checks the whole answer set with the shared validator, even answers saved earlier.</summary>
public sealed class ReviewValidationTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task AnAnswerTheValidatorNoLongerAcceptsIsShownWithALinkToChangeItAndNothingIsStored()
    {
        var client = factory.CreatePlainClient();
        client.DefaultRequestHeaders.Add("Cookie", factory.DraftCookieFor(CheckForm.SelfCareAnswers.With("age", "7")));
        var before = await factory.StoredCountAsync();
        var review = await HtmlPage.LoadAsync(client, "/check/review");

        using var response = await CheckForm.SubmitAsIsAsync(client, review, "main form.actions");
        var page = HtmlPage.Parse("/check/review", await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("There is a problem", page.Document.QuerySelector(".error-summary h2")?.TextContent.Trim());
        var link = page.Document.QuerySelector(".error-summary a");
        Assert.Equal("/check/about-the-injury?change=true#age", link?.GetAttribute("href"));
        Assert.StartsWith("How old are you?", link?.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.StoredCountAsync());
    }
}
