namespace KneeTriage.ReliabilityTests.Load;

/// <summary>
/// The app's resident memory at a moment of the load, with how many requests had completed and
/// how large SQLite's write-ahead log file was.
/// </summary>
internal sealed record MemorySample(TimeSpan At, long ResidentBytes, long CompletedRequests, long WalBytes = 0)
{
    public double ResidentMegabytes => ResidentBytes / (1024.0 * 1024.0);

    public double WalMegabytes => WalBytes / (1024.0 * 1024.0);
}
