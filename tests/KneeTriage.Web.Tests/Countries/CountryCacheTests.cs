using KneeTriage.Triage.Answers;
using KneeTriage.Web.Articles;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.ResultPage;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Countries;

/// <summary>
/// Pages kept in memory (the output cache for the home and guide pages, the result page cache, the
/// guide's replay before the pipeline) are kept once per country: a page drawn for a viewer in the
/// UK is never served to one in the US, even straight after it was cached.
/// </summary>
public sealed class CountryCacheTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private static readonly Country Uk = CountryTable.Default.Find("GB");
    private static readonly Country Us = CountryTable.Default.Find("US");

    [Fact]
    public async Task AGuidePageCachedForTheUkIsNotServedToTheUs()
    {
        // A section that names numbers (its warning signs come from the knowledge base).
        var library = factory.Services.GetRequiredService<ArticleLibrary>();
        var path = library.Sections.First(section => section.Html.Contains("999", StringComparison.Ordinal)).Url;

        await AssertEachCountryGetsItsOwnCopyAsync(path);
    }

    [Fact]
    public async Task TheHomePageCachedForTheUkIsNotServedToTheUs() => await AssertEachCountryGetsItsOwnCopyAsync("/");

    [Fact]
    public async Task AResultPageCachedForTheUkIsNotServedToTheUs()
    {
        var uk = await CountryViewer.ChoosingAsync(factory, "GB");
        var (body, _) = await ResultPosting.PostAndLoadAsync(uk, RuleRaisingAnswers.Calm.With("breathless-or-chest-pain", new BooleanAnswer(true)), "emergency");

        await AssertEachCountryGetsItsOwnCopyAsync(body.GetProperty("resultUrl").GetString()!);
    }

    /// <summary>Cached for the UK first, then the US asks (the copy is warm), then the UK again.</summary>
    private async Task AssertEachCountryGetsItsOwnCopyAsync(string path)
    {
        var uk = await CountryViewer.ChoosingAsync(factory, "GB");
        var us = await CountryViewer.ChoosingAsync(factory, "US");
        // Without a choice, from the language alone: the replay and the cache must read it the same way.
        var usByLanguage = CountryViewer.Anonymous(factory);
        usByLanguage.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "en-US");

        await OutputCacheWait.LoadCachedAsync(uk, path);
        await OutputCacheWait.LoadCachedAsync(uk, path);
        CountryViewer.AssertOnlyTheCountrysNumbers(await OutputCacheWait.LoadCachedAsync(us, path), Us);
        CountryViewer.AssertOnlyTheCountrysNumbers(await OutputCacheWait.LoadCachedAsync(us, path), Us);
        CountryViewer.AssertOnlyTheCountrysNumbers(await OutputCacheWait.LoadCachedAsync(usByLanguage, path), Us);
        CountryViewer.AssertOnlyTheCountrysNumbers(await OutputCacheWait.LoadCachedAsync(uk, path), Uk);
    }
}
