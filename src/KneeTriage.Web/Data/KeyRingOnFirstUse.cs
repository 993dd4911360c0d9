namespace KneeTriage.Web.Data;

public static class KeyRingOnFirstUse
{
    // The framework's internal hosted service that reads the key ring as the host starts.
    private const string EagerKeyRingReader = "DataProtectionHostedService";

    /// <summary>
    /// Data protection reads its key ring (an EF Core query, and a new key on a new database) from a
    /// hosted service before the server takes its first request. Nothing at start-up needs a key:
    /// the home page and the guide carry no antiforgery token. Without that service the ring is read
    /// when the first form, draft cookie or token needs it, and start-up no longer waits for EF Core
    /// (docs/decisions/0040). Its only other work, logging a key-ring problem early, happens on that
    /// first use instead.
    /// </summary>
    public static IServiceCollection ReadKeyRingOnFirstUse(this IServiceCollection services)
    {
        var eager = services.SingleOrDefault(descriptor => descriptor.ServiceType == typeof(IHostedService)
            && descriptor.ImplementationType?.Name == EagerKeyRingReader)
            ?? throw new InvalidOperationException($"ASP.NET Core no longer registers {EagerKeyRingReader}; see docs/decisions/0040 before removing this call.");
        services.Remove(eager);
        return services;
    }
}
