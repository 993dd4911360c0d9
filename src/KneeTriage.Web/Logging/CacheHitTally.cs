namespace KneeTriage.Web.Logging;

/// <summary>Counts the responses served from memory whose own request line was written below Information.</summary>
public sealed class CacheHitTally
{
    private long _count;

    public void Add() => Interlocked.Increment(ref _count);

    /// <summary>The count since the last call, starting again from zero.</summary>
    public long TakeCount() => Interlocked.Exchange(ref _count, 0);
}
