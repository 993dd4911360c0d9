namespace KneeTriage.ReliabilityTests.Load;

/// <summary>
/// Whether memory stayed flat after warm-up. The first third of the run is warm-up (JIT, 256
/// connections and their buffers, connection and SQLite page-cache pools, the GC settling its
/// budgets). The warm-up-end value is the mean of the samples in the last 6 s of warm-up, and the
/// steady value the mean of the last third: means, because a GC heap saws up and down between collections.
/// </summary>
internal sealed record MemoryTrend(double WarmUpEndMegabytes, double LastThirdMegabytes, double PeakMegabytes)
{
    /// <summary>
    /// The last third may be at most 25% above the warm-up end. Server GC (the ASP.NET default)
    /// lets each heap grow by its gen0 budget between collections, tens of MB on a 2-core machine:
    /// up to ~15% of a ~200 MB process, so a bound tighter than that fails on noise. A leak of even
    /// 1 KB per request at the few thousand requests a second this load reaches adds several MB a
    /// second, 100 MB or more over the 40 s after warm-up, and breaks 25% by far.
    /// </summary>
    public const double AllowedGrowth = 0.25;

    public double Growth => LastThirdMegabytes / WarmUpEndMegabytes - 1;

    public bool IsFlat => Growth <= AllowedGrowth;

    public static MemoryTrend From(IReadOnlyList<MemorySample> samples, TimeSpan duration)
    {
        var warmUpEnd = duration / 3;
        var warmUpWindow = samples.Where(s => s.At > warmUpEnd - TimeSpan.FromSeconds(6) && s.At <= warmUpEnd).ToList();
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
