using System.Net;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Countries;

/// <summary>A client for a viewer in one country, chosen as a runner chooses it: the footer's form.</summary>
internal static class CountryViewer
{
    /// <summary>A client that follows no redirects, keeps cookies and sends no Accept-Language of its own.</summary>
    public static HttpClient Anonymous(KneeTriageAppFactory factory)
    {
        var client = factory.CreatePlainClient();
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        return client;
    }

    /// <summary>A client whose browser has chosen <paramref name="code"/> in the footer.</summary>
    public static async Task<HttpClient> ChoosingAsync(KneeTriageAppFactory factory, string code)
    {
        var client = Anonymous(factory);
        using var chosen = await ChooseAsync(client, code, "/");
        Assert.Equal(HttpStatusCode.SeeOther, chosen.StatusCode);
        return client;
    }

    /// <summary>Posts the footer's form as a browser would.</summary>
    public static Task<HttpResponseMessage> ChooseAsync(HttpClient client, string code, string returnTo) =>
        client.PostAsync(CountryChoiceEndpoint.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = code,
            ["return"] = returnTo,
        }));

    /// <summary>Every tap-to-call number on the page.</summary>
    public static List<string> CallLinks(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("a[href^='tel:']").Select(a => a.GetAttribute("href")!["tel:".Length..]).Distinct()];

    /// <summary>Fails unless every number on the page is one of the country's, and its emergency number is there.</summary>
    public static void AssertOnlyTheCountrysNumbers(HtmlPage page, Country country)
    {
        var numbers = CallLinks(page);
        var allowed = country.Numbers.Select(number => number.Replace(" ", "", StringComparison.Ordinal)).ToList();
        Assert.True(numbers.Contains(country.EmergencyNumber), $"{page.Url} for {country.Code}: no tap-to-call {country.EmergencyNumber} among [{string.Join(", ", numbers)}]");
        var foreign = numbers.Except(allowed).ToList();
        Assert.True(foreign.Count == 0, $"{page.Url} for {country.Code}: numbers of another country [{string.Join(", ", foreign)}]");
        if (country.Code != "GB")
        {
            var text = page.Document.Body!.TextContent;
            Assert.DoesNotContain("NHS 111", text, StringComparison.Ordinal);
            Assert.DoesNotContain("A&E", text, StringComparison.Ordinal);
        }
    }
}
