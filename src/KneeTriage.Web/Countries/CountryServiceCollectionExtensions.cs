using KneeTriage.Web.Infrastructure.Startup;

namespace KneeTriage.Web.Countries;

public static class CountryServiceCollectionExtensions
{
    /// <summary>
    /// The country table is read at start-up, on the preload's core while the database migrates
    /// (docs/decisions/0038), so a broken <c>countries.yaml</c> still stops start-up. Every cached
    /// page is kept once per country by <see cref="CountryVariantPolicy"/>, a base policy of the
    /// output cache (registered in <c>Infrastructure/OutputCaching</c>).
    /// </summary>
    public static IServiceCollection AddCountries(this IServiceCollection services) =>
        services.AddSingleton(_ => CountryTable.Default).AddStartupPreload<CountryTable>();
}
