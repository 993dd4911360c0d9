using Serilog.Events;

namespace KneeTriage.Web.Infrastructure.Logging;

/// <summary>Counts the responses served from memory whose own request line was written below Information.</summary>
public sealed class CacheHitTally
{
    private long _count;

    public void Add() => Interlocked.Increment(ref _count);

    /// <summary>Counts a response served from memory when its line is written at <paramref name="cacheHitLevel"/>, below Information (the summary stands for it).</summary>
    public void AddIfSummarised(LogEventLevel cacheHitLevel)
    {
        if (cacheHitLevel < LogEventLevel.Information)
        {
            Add();
        }
    }

    /// <summary>The count since the last call, starting again from zero.</summary>
    public long TakeCount() => Interlocked.Exchange(ref _count, 0);
}
