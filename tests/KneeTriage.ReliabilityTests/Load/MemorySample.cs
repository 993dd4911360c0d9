namespace KneeTriage.ReliabilityTests.Load;

/// <summary>The app's resident memory at a moment of the load, with how many requests had completed.</summary>
internal sealed record MemorySample(TimeSpan At, long ResidentBytes, long CompletedRequests)
{
    public double ResidentMegabytes => ResidentBytes / (1024.0 * 1024.0);
}
