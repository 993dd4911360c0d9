using System.Net;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Countries;

/// <summary>
/// The country is first guessed from the browser's language, kept in a cookie once chosen in the
/// footer (a plain form: post, then a 303 back to the page), and anything unknown is "anywhere
/// else" (112), never an error.
/// </summary>
public sealed class CountryChoiceTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Theory]
    [InlineData("en-GB", "999")]
    [InlineData("en-IE", "112")]
    [InlineData("en-US,en;q=0.9", "911")]
    [InlineData("fr-CA,fr;q=0.8", "911")]
    [InlineData("en-AU", "000")]
    [InlineData("en-NZ", "111")]
    [InlineData("de-DE,de;q=0.9", "112")]
    [InlineData("en", "112")]
    public async Task WithNoChoiceThePageFollowsTheBrowsersLanguage(string acceptLanguage, string emergencyNumber)
    {
        var client = CountryViewer.Anonymous(factory);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var page = await HtmlPage.LoadAsync(client, "/check");

        Assert.NotNull(page.Document.QuerySelector($"main [data-urgency='emergency'] a[href='tel:{emergencyNumber}']"));
    }

    [Fact]
    public async Task AChoiceIsKeptInACookieAndOutranksTheBrowsersLanguage()
    {
        var client = CountryViewer.Anonymous(factory);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "en-GB");

        using var chosen = await CountryViewer.ChooseAsync(client, "AU", "/check?from=footer");

        Assert.Equal(HttpStatusCode.SeeOther, chosen.StatusCode);
        Assert.Equal("/check?from=footer", chosen.Headers.Location?.OriginalString);
        var cookie = Assert.Single(chosen.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("country=AU;", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        foreach (var path in new[] { "/check", "/", "/check" })
        {
            var page = await HtmlPage.LoadAsync(client, path);
            CountryViewer.AssertOnlyTheCountrysNumbers(page, CountryTable.Default.Find("AU"));
            Assert.Equal("AU", page.Document.QuerySelector("footer select[name='code'] option[selected]")?.GetAttribute("value"));
        }
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("gbr")]
    [InlineData("<script>")]
    [InlineData("")]
    public async Task AnUnknownCodeInTheFormIsAnywhereElseNeverAnError(string code)
    {
        var client = CountryViewer.Anonymous(factory);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "en-US");

        using var chosen = await CountryViewer.ChooseAsync(client, code, "/check");

        Assert.Equal(HttpStatusCode.SeeOther, chosen.StatusCode);
        Assert.StartsWith("country=ZZ;", Assert.Single(chosen.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        var page = await HtmlPage.LoadAsync(client, "/check");
        CountryViewer.AssertOnlyTheCountrysNumbers(page, CountryTable.Default.Elsewhere);
        Assert.Contains("your local emergency number", page.Document.QuerySelector("main [data-urgency='emergency']")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCodeInTheQueryIsAnywhereElseToo()
    {
        var client = CountryViewer.Anonymous(factory);

        using var chosen = await client.PostAsync($"{CountryChoiceEndpoint.Path}?code=QQ&return=/check", content: null);

        Assert.Equal(HttpStatusCode.SeeOther, chosen.StatusCode);
        Assert.Equal("/check", chosen.Headers.Location?.OriginalString);
        Assert.StartsWith("country=ZZ;", Assert.Single(chosen.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("country=XX")]
    [InlineData("country=")]
    [InlineData("country=%00%FF")]
    [InlineData("country=united-kingdom")]
    public async Task AnUnknownCodeInTheCookieShowsAnywhereElsesNumbers(string cookie)
    {
        var client = CountryViewer.Anonymous(factory);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Cookie", cookie);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", cookie == "country=" ? "de-DE" : "en-GB");

        var page = await HtmlPage.LoadAsync(client, "/check");

        CountryViewer.AssertOnlyTheCountrysNumbers(page, CountryTable.Default.Elsewhere);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    public async Task TheFormNeverSendsTheBrowserToAnotherSite(string returnTo)
    {
        using var chosen = await CountryViewer.ChooseAsync(CountryViewer.Anonymous(factory), "US", returnTo);

        Assert.Equal(HttpStatusCode.SeeOther, chosen.StatusCode);
        Assert.Equal("/", chosen.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnotherSitesPageCannotChangeTheCountry()
    {
        var client = CountryViewer.Anonymous(factory);
        using var request = new HttpRequestMessage(HttpMethod.Post, CountryChoiceEndpoint.Path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "US", ["return"] = "/" }),
        };
        request.Headers.TryAddWithoutValidation("Origin", "https://evil.example");

        using var refused = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie"), "a refused choice must not set the cookie");
    }

    [Fact]
    public async Task EveryPageFooterOffersEveryCountryWithTheSourcesOfItsNumbers()
    {
        var client = await CountryViewer.ChoosingAsync(factory, "NZ");

        var page = await HtmlPage.LoadAsync(client, "/");

        var form = page.Document.QuerySelector("footer form.country-choice");
        Assert.NotNull(form);
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Null(form.QuerySelector("input[name='__RequestVerificationToken']"));
        Assert.Equal(CountryTable.Default.All.Select(c => c.Code), form.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        var sources = page.Document.QuerySelectorAll("footer .country-sources a:not([href^='tel:'])").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(CountryTable.Default.Find("NZ").Sources.Select(s => s.Url.ToString()), sources);
    }
}
