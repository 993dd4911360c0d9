using KneeTriage.ReliabilityTests.Infrastructure;

namespace KneeTriage.ReliabilityTests.Load;

/// <summary>
/// Load: article pages, result pages and submissions from 256 connections at once for a minute
/// (KNEETRIAGE_LOAD_SECONDS), against the real app process. Nothing may fail and memory must stay
/// flat once warmed up.
/// </summary>
public sealed class MixedLoadTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task MixedLoadOn256ConnectionsGetsNoServerErrorsNoFailedConnectionsAndFlatMemory()
    {
        var duration = TimeSpan.FromSeconds(TestSettings.LoadSeconds);
        var database = _folder.File("kt.db");
        await using var app = await AppProcess.StartAsync(database);
        LoadTargets targets;
        using (var client = LoadGenerator.CreateClient(app.RootUri))
        {
            targets = await LoadTargets.PrepareAsync(client);
        }

        var load = new LoadGenerator(app, database, targets, duration);
        await load.RunAsync();
        var databaseBytes = new FileInfo(database).Length;
        Report(load, duration, databaseBytes);

        var tally = load.Tally;
        Assert.False(app.HasExited, $"The app died under load. Its last output:{Environment.NewLine}{app.RecentOutput}");
        Assert.True(
            tally.ServerErrors == 0,
            $"{tally.ServerErrors} requests got a 5xx, e.g.{Environment.NewLine}{string.Join(Environment.NewLine, tally.Examples)}"
            + $"{Environment.NewLine}The app's last output:{Environment.NewLine}{app.RecentOutput}");
        Assert.True(
            tally.FailedConnections == 0,
            $"{tally.FailedConnections} requests got no answer:{Environment.NewLine}{string.Join(Environment.NewLine, tally.FailureKinds)}");
        Assert.True(
            tally.Unexpected == 0,
            $"{tally.Unexpected} valid requests got an unexpected status, e.g.{Environment.NewLine}{string.Join(Environment.NewLine, tally.Examples)}");
        Assert.True(tally.Completed >= LoadGenerator.Connections, $"Only {tally.Completed} requests completed in {duration.TotalSeconds} s; the load proved little.");

        var trend = MemoryTrend.From(load.Samples, duration);
        Assert.True(
            trend.IsFlat,
            $"Memory grew {trend.Growth:P0} after warm-up (from {trend.WarmUpEndMegabytes:F0} MB to a last-third average of "
            + $"{trend.LastThirdMegabytes:F0} MB; allowed {MemoryTrend.AllowedGrowth:P0}): a leak under load.");

        // Checkpoints must keep up: a log that is never reset holds every page written since the
        // start and rivals the database itself (SQLite's "checkpoint starvation"), slowing every read.
        var largestWal = load.Samples.Max(s => s.WalBytes);
        Assert.True(
            largestWal <= databaseBytes / 2,
            $"The write-ahead log reached {largestWal / 1048576.0:F0} MB against a {databaseBytes / 1048576.0:F0} MB database: checkpoints did not keep up.");
    }

    public void Dispose() => _folder.Dispose();

    private void Report(LoadGenerator load, TimeSpan duration, long databaseBytes)
    {
        var tally = load.Tally;
        var seconds = load.Elapsed.TotalSeconds;
        output.WriteLine($"Mixed load: {LoadGenerator.Connections} connections for {duration.TotalSeconds:F0} s (ran {seconds:F1} s).");
        output.WriteLine($"Requests: {tally.Completed} answered, {tally.Completed / seconds:F0} per second; 5xx: {tally.ServerErrors}; "
            + $"unexpected status: {tally.Unexpected}; failed connections: {tally.FailedConnections}.");
        foreach (var failure in tally.FailureKinds.Take(10))
        {
            output.WriteLine($"  failure: {failure}");
        }

        output.WriteLine("Latency by kind (ms):      count     p50     p95     p99     max");
        foreach (var (kind, latencies) in load.Latencies.OrderBy(l => l.Key))
        {
            latencies.Sort();
            output.WriteLine($"  {kind,-22} {latencies.Count,8} {Percentile(latencies, 0.50),7:F0} {Percentile(latencies, 0.95),7:F0} "
                + $"{Percentile(latencies, 0.99),7:F0} {latencies[^1],7:F0}");
        }

        output.WriteLine("Resident memory (RSS) of the app over time:");
        output.WriteLine("      t     RSS MB   requests/s   WAL MB");
        MemorySample? previous = null;
        foreach (var sample in load.Samples)
        {
            var rate = previous is null ? 0 : (sample.CompletedRequests - previous.CompletedRequests) / (sample.At - previous.At).TotalSeconds;
            output.WriteLine($"  {sample.At.TotalSeconds,5:F0}s  {sample.ResidentMegabytes,9:F1}  {rate,11:F0}  {sample.WalMegabytes,7:F1}");
            previous = sample;
        }

        var trend = MemoryTrend.From(load.Samples, duration);
        output.WriteLine($"RSS: warm-up end {trend.WarmUpEndMegabytes:F0} MB, last-third average {trend.LastThirdMegabytes:F0} MB "
            + $"({trend.Growth:+0%;-0%}; allowed +{MemoryTrend.AllowedGrowth:P0}), peak {trend.PeakMegabytes:F0} MB.");
        output.WriteLine($"SQLite: database {databaseBytes / 1048576.0:F0} MB after the load, largest write-ahead log {load.Samples.Max(s => s.WalMegabytes):F1} MB.");
    }

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted[Math.Min(sorted.Count - 1, (int)(fraction * sorted.Count))];
}
