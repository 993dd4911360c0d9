using Serilog.Core;

namespace KneeTriage.Web.Security;

public static class LogPrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SecretRedactingEnricher"/>; the Serilog set-up (Logging/) reads
    /// enrichers from the service provider, so every log event passes through it.
    /// </summary>
    public static IServiceCollection AddLogPrivacy(this IServiceCollection services) =>
        services.AddSingleton<ILogEventEnricher, SecretRedactingEnricher>();
}
