namespace KneeTriage.ReliabilityTests.Load;

/// <summary>
/// Whether memory stayed flat after warm-up. The first third of the run is warm-up (JIT, 256
/// connections and their buffers, connection and SQLite page-cache pools, cached pages, the GC
/// settling its heaps and budgets). The warm-up-end value is the mean of the samples in the last
/// 10 s of warm-up, and the steady value the mean of the last third: means, because a GC heap saws
/// up and down between collections.
/// </summary>
internal sealed record MemoryTrend(double WarmUpEndMegabytes, double LastThirdMegabytes, double PeakMegabytes)
{
    /// <summary>
    /// The last third may be at most 25% above the warm-up end. Server GC (the ASP.NET default, with
    /// .NET's dynamic heap count) lets the heap swing by its gen0 budgets between collections, and
    /// more with throughput: tens of MB, 10-20% of this ~250 MB process in our runs (a 180 s run
    /// sawed between 267 and 401 MB with no trend), so a tighter bound fails on noise. A leak of
    /// 25% (~60 MB) in the 40 s after warm-up is 1.5 KB a request at 1000 requests a second, 3 KB
    /// at the 500 a second of a heavily shared 2-core machine: a leak per request or per stored
    /// result shows; a slow leak of a few bytes a request needs a longer run (KNEETRIAGE_LOAD_SECONDS).
    /// </summary>
    public const double AllowedGrowth = 0.25;

    public double Growth => LastThirdMegabytes / WarmUpEndMegabytes - 1;

    public bool IsFlat => Growth <= AllowedGrowth;

    public static MemoryTrend From(IReadOnlyList<MemorySample> samples, TimeSpan duration)
    {
        var warmUpEnd = duration / 3;
        var warmUpWindow = samples.Where(s => s.At > warmUpEnd - TimeSpan.FromSeconds(10) && s.At <= warmUpEnd).ToList();
        var lastThird = samples.Where(s => s.At >= duration * 2 / 3).ToList();
        if (warmUpWindow.Count == 0 || lastThird.Count == 0)
        {
            throw new InvalidOperationException($"Too few memory samples ({samples.Count}) to judge the trend of a {duration.TotalSeconds} s run.");
        }

        return new MemoryTrend(
            warmUpWindow.Average(s => s.ResidentMegabytes),
            lastThird.Average(s => s.ResidentMegabytes),
            samples.Max(s => s.ResidentMegabytes));
    }
}
