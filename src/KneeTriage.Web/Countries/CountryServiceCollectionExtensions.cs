using Microsoft.AspNetCore.OutputCaching;

namespace KneeTriage.Web.Countries;

public static class CountryServiceCollectionExtensions
{
    /// <summary>
    /// Every cached page kept once per country (<see cref="CountryVariantPolicy"/>), whichever policy
    /// caches it; the table is read now, so a broken <c>countries.yaml</c> stops start-up.
    /// </summary>
    public static IServiceCollection AddCountries(this IServiceCollection services)
    {
        _ = CountryTable.Default;
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure(options => options.AddBasePolicy(new CountryVariantPolicy()));
        return services;
    }
}
