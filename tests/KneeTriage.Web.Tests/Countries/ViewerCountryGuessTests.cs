using KneeTriage.Web.Countries;

namespace KneeTriage.Web.Tests.Countries;

/// <summary>The first guess, from the browser's Accept-Language: only a region we know counts.</summary>
public sealed class ViewerCountryGuessTests
{
    [Theory]
    [InlineData("en-GB", "GB")]
    [InlineData("en-gb,en;q=0.8", "GB")]
    [InlineData("en-UK", "GB")]
    [InlineData("en-IE", "IE")]
    [InlineData("ga-IE", "IE")]
    [InlineData("en-US", "US")]
    [InlineData("en-CA", "CA")]
    [InlineData("fr-CA", "CA")]
    [InlineData("en-AU", "AU")]
    [InlineData("en-NZ", "NZ")]
    [InlineData("mi-NZ", "NZ")]
    [InlineData("de-DE,en-US;q=0.5", "US")]
    [InlineData("en-US;q=0.4,en-AU;q=0.9", "AU")]
    [InlineData("en-GB;q=0,en-US", "US")]
    [InlineData("en", "ZZ")]
    [InlineData("fr-FR", "ZZ")]
    [InlineData("zh-Hant-TW", "ZZ")]
    [InlineData("en-ZZ", "ZZ")]
    [InlineData("", "ZZ")]
    [InlineData(null, "ZZ")]
    [InlineData(";;;q=,,", "ZZ")]
    public void TheBrowsersLanguageGivesTheFirstGuess(string? acceptLanguage, string expected) =>
        Assert.Equal(expected, ViewerCountry.Guess(acceptLanguage));
}
