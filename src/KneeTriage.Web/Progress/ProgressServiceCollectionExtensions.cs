namespace KneeTriage.Web.Progress;

public static class ProgressServiceCollectionExtensions
{
    /// <summary>A runner's series of checks: reading a series, and starting a follow-up from an earlier result.</summary>
    public static IServiceCollection AddProgress(this IServiceCollection services)
    {
        services.AddSingleton<ResultSeries>();
        return services;
    }
}
