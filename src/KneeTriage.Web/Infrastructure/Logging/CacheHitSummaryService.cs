using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Infrastructure.Logging;

/// <summary>
/// Writes one Information line per interval with the number of responses served from memory,
/// so the log at its usual level still accounts for every request when their own lines are at Debug.
/// </summary>
public sealed partial class CacheHitSummaryService(
    CacheHitTally tally,
    IOptions<RequestLoggingOptions> options,
    TimeProvider time,
    ILogger<CacheHitSummaryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SummaryInterval;
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                WriteSummary(interval);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        WriteSummary(interval);
    }

    /// <summary>Logs the count since the last summary, if there was anything to count.</summary>
    public void WriteSummary(TimeSpan interval)
    {
        var count = tally.TakeCount();
        if (count > 0)
        {
            LogServedFromMemory(logger, count, interval.TotalSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Served {Count} responses from memory in the last {Seconds} s")]
    private static partial void LogServedFromMemory(ILogger logger, long count, double seconds);
}
