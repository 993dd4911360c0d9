using KneeTriage.Web.Infrastructure.OptionsValidation;

namespace KneeTriage.Web.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>Stored results are deleted once older than Retention:MaxAge (365 days by default).</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .ValidateProblem(options => options.Problem())
            .ValidateOnStart();
        services.AddScoped<ExpiredResultPurge>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
