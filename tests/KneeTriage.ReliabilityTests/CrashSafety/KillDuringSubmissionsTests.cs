using System.Diagnostics;
using KneeTriage.ReliabilityTests.Infrastructure;

namespace KneeTriage.ReliabilityTests.CrashSafety;

/// <summary>
/// Crash safety: clients submit answer sets without pause, the app is SIGKILLed at a random moment
/// (seeded, so a failure can be replayed), restarted on the same database, and every submission it
/// had acknowledged with 201 must be readable and unchanged, with SQLite reporting the file sound.
/// </summary>
public sealed class KillDuringSubmissionsTests(ITestOutputHelper output) : IDisposable
{
    private const int Clients = 8;

    /// <summary>The kill lands this long after the round's first 201: up to 1.5 s of writes in flight.</summary>
    private const int LongestKillDelayMilliseconds = 1500;

    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task EveryAcknowledgedSubmissionSurvivesRepeatedSigkillsAndTheDatabaseStaysSound()
    {
        var rounds = TestSettings.CrashRounds;
        var seed = TestSettings.CrashSeed;
        var random = new Random(seed);
        var database = _folder.File("kt.db");
        var allAcknowledged = new List<AcknowledgedSubmission>();
        long storedAtLastKill = 0;
        var clock = Stopwatch.StartNew();
        output.WriteLine($"Crash safety: {rounds} rounds, {Clients} submitting clients, kill 0-{LongestKillDelayMilliseconds} ms after the first 201 (seed {seed}).");
        output.WriteLine("round  kill-after-ms  acknowledged  stored-rows  integrity  restart-ms  verified  lost-or-changed");

        var app = await AppProcess.StartAsync(database);
        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                var killDelay = random.Next(0, LongestKillDelayMilliseconds);
                IReadOnlyCollection<AcknowledgedSubmission> acknowledged;
                using (var clients = new SubmittingClients(app.RootUri, Clients, round))
                {
                    await WaitForFirstAcknowledgementAsync(clients, app, round);
                    await Task.Delay(killDelay);
                    clients.ExpectKill();
                    app.Kill();
                    await clients.StoppedAsync().WaitAsync(TimeSpan.FromSeconds(60));

                    Assert.True(
                        clients.Failures.Count == 0,
                        $"Round {round}: {clients.Failures.Count} submissions failed while the app was up, e.g.{Environment.NewLine}"
                        + string.Join(Environment.NewLine, clients.Failures.Take(5)));
                    acknowledged = [.. clients.Acknowledged];
                }

                allAcknowledged.AddRange(acknowledged);

                var (integrity, storedRows) = DatabaseFile.Inspect(database);
                storedAtLastKill = storedRows;
                var restart = Stopwatch.StartNew();
                app = await AppProcess.StartAsync(database);
                restart.Stop();
                var differences = await StoredAssessmentReader.FindDifferencesAsync(app.RootUri, acknowledged);
                output.WriteLine($"{round,5}  {killDelay,13}  {acknowledged.Count,12}  {storedRows,11}  {integrity,9}  {restart.ElapsedMilliseconds,10}  {acknowledged.Count - differences.Count,8}  {differences.Count,15}");

                Assert.True(integrity == "ok", $"Round {round}: after SIGKILL, PRAGMA integrity_check said: {integrity}");
                Assert.True(
                    differences.Count == 0,
                    $"Round {round}: {differences.Count} of {acknowledged.Count} acknowledged submissions did not survive the kill:{Environment.NewLine}"
                    + string.Join(Environment.NewLine, differences.Take(10)));
                Assert.True(
                    storedRows >= allAcknowledged.Count,
                    $"Round {round}: the database holds {storedRows} results but {allAcknowledged.Count} were acknowledged.");
            }

            // Later rounds (and the checkpoints they caused) must not have disturbed earlier results.
            var finalDifferences = await StoredAssessmentReader.FindDifferencesAsync(app.RootUri, allAcknowledged);
            output.WriteLine(
                $"Total: {allAcknowledged.Count} acknowledged, {allAcknowledged.Count - finalDifferences.Count} verified after the last restart, "
                + $"{finalDifferences.Count} lost or changed; {storedAtLastKill - allAcknowledged.Count} stored but never acknowledged "
                + $"(in flight at a kill); {rounds} SIGKILLs in {clock.Elapsed.TotalSeconds:F0} s.");
            Assert.True(
                finalDifferences.Count == 0,
                $"After {rounds} kills, {finalDifferences.Count} acknowledged submissions were lost or changed:{Environment.NewLine}"
                + string.Join(Environment.NewLine, finalDifferences.Take(10)));
            Assert.True(allAcknowledged.Count >= rounds, $"Only {allAcknowledged.Count} submissions were acknowledged in {rounds} rounds; the test proved little.");
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    public void Dispose() => _folder.Dispose();

    private static async Task WaitForFirstAcknowledgementAsync(SubmittingClients clients, AppProcess app, int round)
    {
        try
        {
            await clients.FirstAcknowledged.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException(
                $"Round {round}: no submission was acknowledged within 30 s. Failures: {string.Join(" | ", clients.Failures.Take(3))}{Environment.NewLine}"
                + $"The app's last output:{Environment.NewLine}{app.RecentOutput}");
        }
    }
}
