namespace KneeTriage.Web.Articles;

/// <summary>
/// Builds the <see cref="ArticleLibrary"/> while the host starts, so broken content fails start-up
/// (with the file named) rather than the first reader's request.
/// </summary>
internal sealed class ArticleLibraryStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<ArticleLibrary>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
