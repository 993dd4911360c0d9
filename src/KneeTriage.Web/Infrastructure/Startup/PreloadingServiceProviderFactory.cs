namespace KneeTriage.Web.Infrastructure.Startup;

/// <summary>
/// The framework's service provider, with the start-up preload begun the moment it exists, inside
/// <c>Build()</c>: the host's own construction (its logger, with Serilog reading its configuration)
/// then runs on the first core while the knowledge base and the article load on the second, instead
/// of before them (docs/decisions/0042). The options are the ones <c>WebApplication.CreateBuilder</c>
/// would use: scopes and every registration checked in Development only.
/// </summary>
internal sealed class PreloadingServiceProviderFactory(bool development) : IServiceProviderFactory<IServiceCollection>
{
    public IServiceCollection CreateBuilder(IServiceCollection services) => services;

    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder)
    {
        var provider = containerBuilder.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = development, ValidateOnBuild = development });
        provider.GetService<StartupPreload>()?.Begin();
        return provider;
    }
}
