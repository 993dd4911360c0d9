using KneeTriage.Web.Articles;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Data;
using KneeTriage.Web.Infrastructure.Compression;
using KneeTriage.Web.Pages.Boards;
using KneeTriage.Web.Pages.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Infrastructure.OutputCaching;

/// <summary>
/// The output cache, registered once: its size limit, the base policies every cached page passes
/// through, and each feature's named policy. A page opts in with <c>[OutputCache(PolicyName = ...)]</c>;
/// the policy itself is declared beside its feature and listed here, so this file names every policy.
/// </summary>
public static class OutputCacheServiceCollectionExtensions
{
    /// <summary>Bounds every cached page together, so a flood of distinct result links cannot grow memory without limit.</summary>
    public const long SizeLimit = 32 * 1024 * 1024;

    public static IServiceCollection AddSiteOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.SizeLimit = SizeLimit;
            // The home page and the guide: built from the article library, which changes only on restart.
            options.AddPolicy(ArticleCachePolicy.Name, ArticleCachePolicy.Build);
        });
        services.AddOptions<OutputCacheOptions>()
            .Configure<SiteCompressionPolicy, AssessmentStore, BoardStore, IOptions<CookieTempDataProviderOptions>, TimeProvider>((options, compression, store, boards, tempData, time) =>
            {
                // Base policies never turn caching on; whichever policy caches a page, it is kept once
                // per country (the emergency numbers differ) and once per encoding (stored compressed).
                options.AddBasePolicy(new CountryVariantPolicy());
                options.AddBasePolicy(new EncodingVariantPolicy(compression));
                // Result pages while their result exists. The policy holds the token lookup itself,
                // so a cached view never builds a request scope.
                options.AddPolicy(ResultPageCachePolicy.Name, new ResultPageCachePolicy(store));
                // Board pages while their board exists, evicted by whatever changes them (decision 0036).
                options.AddPolicy(BoardPageCachePolicy.Name, new BoardPageCachePolicy(boards, tempData, time));
            });
        return services;
    }
}
