using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KneeTriage.Web.Infrastructure.Startup;

public static class StartupPreloadExtensions
{
    /// <summary>Builds <typeparamref name="TService"/> at start-up (see <see cref="StartupPreload"/>); a failure stops start-up.</summary>
    public static IServiceCollection AddStartupPreload<TService>(this IServiceCollection services)
        where TService : class
    {
        services.TryAddSingleton<StartupPreload>();
        // TryAddEnumerable keeps it one hosted service however many features preload.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StartupPreload>(provider => provider.GetRequiredService<StartupPreload>()));
        return services.AddSingleton(new PreloadedService(typeof(TService)));
    }

    /// <summary>Starts the preload now, on another core, before the database migrates; the host waits for it before serving.</summary>
    public static WebApplication BeginStartupPreload(this WebApplication app)
    {
        app.Services.GetRequiredService<StartupPreload>().Begin();
        return app;
    }
}
