namespace KneeTriage.ReliabilityTests.Load;

/// <summary>The memory judge of the load test, on made-up samples: it must tell a leak from a GC sawtooth.</summary>
public sealed class MemoryTrendTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    [Fact]
    public void MemoryThatClimbsSteadilyAfterWarmUpIsALeak()
    {
        // 240 MB at warm-up end, then +2 MB a second: the shape of a per-request leak.
        var samples = Every2Seconds(t => t <= 20 ? 200 + (2 * t) : 240 + (2 * (t - 20)));

        var trend = MemoryTrend.From(samples, Duration);

        Assert.False(trend.IsFlat, $"A climb from {trend.WarmUpEndMegabytes:F0} to {trend.LastThirdMegabytes:F0} MB was judged flat.");
    }

    [Fact]
    public void MemoryThatSawsUpAndDownAroundOneLevelIsFlat()
    {
        // A GC sawtooth of +-40 MB around 260 MB after a quick warm-up climb.
        var samples = Every2Seconds(t => t < 10 ? 150 + (10 * t) : 260 + (t % 8 < 4 ? -40 : 40));

        var trend = MemoryTrend.From(samples, Duration);

        Assert.True(trend.IsFlat, $"A sawtooth around one level was judged a leak: {trend.Growth:P0} growth.");
    }

    [Fact]
    public void TooFewSamplesAreReportedRatherThanJudged()
    {
        var samples = Every2Seconds(_ => 200).Where(s => s.At < TimeSpan.FromSeconds(30)).ToList();

        Assert.Throws<InvalidOperationException>(() => MemoryTrend.From(samples, Duration));
    }

    private static List<MemorySample> Every2Seconds(Func<int, double> megabytesAt) =>
        [.. Enumerable.Range(0, 31).Select(i => i * 2).Select(t => new MemorySample(
            TimeSpan.FromSeconds(t),
            (long)(megabytesAt(t) * 1024 * 1024),
            CompletedRequests: t * 1000L))];
}
