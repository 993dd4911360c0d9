using Serilog.Core;

namespace KneeTriage.Web.Infrastructure.LogPrivacy;

public static class LogPrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Log privacy, wired one way: both enrichers are services, and the Serilog set-up (Logging/)
    /// reads enrichers from the service provider, so every log event passes through both before a
    /// sink sees it. <see cref="SensitivePathEnricher"/> keeps request paths readable with the token
    /// masked; <see cref="SecretRedactingEnricher"/> then masks any token-shaped value left anywhere.
    /// </summary>
    public static IServiceCollection AddLogPrivacy(this IServiceCollection services) =>
        services
            .AddSingleton<ILogEventEnricher, SensitivePathEnricher>()
            .AddSingleton<ILogEventEnricher, SecretRedactingEnricher>();
}
