namespace KneeTriage.Web.Infrastructure.Startup;

/// <summary>A singleton that must be built before the first request: <see cref="StartupPreload"/> resolves it.</summary>
public sealed record PreloadedService(Type ServiceType);

/// <summary>
/// The app's one start-up preload. Features name their expensive singletons with
/// <see cref="StartupPreloadExtensions.AddStartupPreload{TService}"/> (the knowledge base, the
/// article); <see cref="StartupPreloadExtensions.BeginStartupPreload"/> starts building them on a
/// second core while the first migrates the database, so start-up takes the longer of the two
/// rather than their sum; and, as a hosted service, it waits for them before the server takes a
/// request, so a broken content file stops start-up with the loader's message (file, line, entry)
/// instead of failing the first reader. They are built in registration order, so the knowledge
/// base (registered first) names its own broken file before the article, which reads it, trips on it.
/// </summary>
internal sealed class StartupPreload(IServiceProvider services, IEnumerable<PreloadedService> preloaded) : IHostedService
{
    private readonly Lazy<Task> building = new(() => Task.Run(() =>
    {
        foreach (var service in preloaded)
        {
            _ = services.GetRequiredService(service.ServiceType);
        }
    }));

    public void Begin() => _ = building.Value;

    public Task StartAsync(CancellationToken cancellationToken) => building.Value.WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
