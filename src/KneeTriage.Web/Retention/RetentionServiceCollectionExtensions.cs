using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KneeTriage.Web.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>Stored results are deleted once older than Retention:MaxAge (365 days by default).</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .Validate(options => options.IsValid(), "Retention: MaxAge and Interval must be greater than zero.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ExpiredResultPurge>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
