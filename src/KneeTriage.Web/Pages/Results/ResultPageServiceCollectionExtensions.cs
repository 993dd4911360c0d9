namespace KneeTriage.Web.Pages.Results;

public static class ResultPageServiceCollectionExtensions
{
    /// <summary>The result page's link helper, for the API, the boards and the progress chart, which link to results without a page of their own.</summary>
    public static IServiceCollection AddResultPage(this IServiceCollection services) => services.AddSingleton<ResultLinks>();
}
