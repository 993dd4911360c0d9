using KneeTriage.Web.Submission;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Retention;

/// <summary>
/// Runs <see cref="ExpiredResultPurge"/> shortly after start-up and then every <see cref="RetentionOptions.Interval"/>.
/// </summary>
public sealed class RetentionService(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<RetentionService> logger) : BackgroundService
{
    /// <summary>
    /// The first sweep waits this long (or one interval, if shorter): at the very start it would build
    /// EF Core's model on the second core while the server is starting (docs/decisions/0040). Results
    /// that expired while the site was down are deleted a few seconds later instead.
    /// </summary>
    internal static readonly TimeSpan FirstSweepDelay = TimeSpan.FromSeconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(options.Value.Interval < FirstSweepDelay ? options.Value.Interval : FirstSweepDelay, time, stoppingToken);
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            await PurgeOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PurgeOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<ExpiredResultPurge>().PurgeAsync(stoppingToken) > 0)
            {
                // Only then: evicting every board each run makes every open board render again at once.
                // Another instance's sweep shows here when the copies expire (decision 0036).
                await scope.ServiceProvider.GetRequiredService<StoredResults>().AfterRetentionSweepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down mid-purge: each batch committed or did not; the next start finishes the rest.
        }
        catch (Exception exception)
        {
            // A failed purge (database busy, briefly unreachable) must not stop the site; the next tick retries.
            logger.LogError(exception, "Retention purge failed; retrying in {Interval}", options.Value.Interval);
        }
    }
}
