using KneeTriage.Web.Data;
using KneeTriage.Web.MyResults;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;

namespace KneeTriage.Web.Tests.MyResults;

/// <summary>The browser's own list of its results: written when a check is stored, only for the pages that list them.</summary>
public sealed class BrowserResultsCookieTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task StoringACheckRemembersItForMyResultsAndJoinPagesOnly()
    {
        var client = factory.CreatePlainClient();
        var review = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers);

        using var submitted = await CheckForm.SubmitAsIsAsync(client, review, "main form.actions");

        var token = submitted.Headers.Location!.OriginalString["/results/".Length..];
        var cookies = submitted.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith(BrowserResultsCookie.NamePrefix + token + "=", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(BrowserResultsCookie.Paths.Count, cookies.Count);
        foreach (var path in BrowserResultsCookie.Paths)
        {
            var cookie = Assert.Single(cookies, c => c.Contains($"path={path}", StringComparison.OrdinalIgnoreCase));
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void MalformedCookiesAreIgnored()
    {
        var token = ShareToken.Create();
        var key = DeleteKey.Create();
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Headers.Cookie = $"{BrowserResultsCookie.NamePrefix}{token}={key}; {BrowserResultsCookie.NamePrefix}short=abc; "
            + $"{BrowserResultsCookie.NamePrefix}{ShareToken.Create()}=<script>; other=1";

        var results = BrowserResultsCookie.Read(context.Request);

        Assert.Equal([new BrowserResult(token, key)], results);
    }
}
