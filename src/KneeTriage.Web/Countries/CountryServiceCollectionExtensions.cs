namespace KneeTriage.Web.Countries;

public static class CountryServiceCollectionExtensions
{
    /// <summary>
    /// The country table is read now, so a broken <c>countries.yaml</c> stops start-up. Every cached
    /// page is kept once per country by <see cref="CountryVariantPolicy"/>, a base policy of the
    /// output cache (registered in <c>Infrastructure/OutputCaching</c>).
    /// </summary>
    public static IServiceCollection AddCountries(this IServiceCollection services)
    {
        _ = CountryTable.Default;
        return services;
    }
}
