namespace KneeTriage.Web.MyResults;

public static class MyResultsServiceCollectionExtensions
{
    /// <summary>The /my-results page's list, read from this browser's cookies and checked against the store; per request, as the owner it deletes through.</summary>
    public static IServiceCollection AddMyResults(this IServiceCollection services)
    {
        services.AddScoped<BrowserResultList>();
        return services;
    }
}
