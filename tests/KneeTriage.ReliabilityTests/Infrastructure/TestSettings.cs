using System.Globalization;

namespace KneeTriage.ReliabilityTests.Infrastructure;

/// <summary>Knobs read from the environment; the defaults are what CI runs.</summary>
internal static class TestSettings
{
    /// <summary>KNEETRIAGE_CRASH_ROUNDS: how many times the app is killed and restarted (default 20).</summary>
    public static int CrashRounds => Integer("KNEETRIAGE_CRASH_ROUNDS", 20);

    /// <summary>KNEETRIAGE_CRASH_SEED: seeds the kill moments, so a failing run can be repeated (default 20261124).</summary>
    public static int CrashSeed => Integer("KNEETRIAGE_CRASH_SEED", 20261124);

    /// <summary>
    /// KNEETRIAGE_LOAD_SECONDS: how long the mixed load runs (default and least 60). The first third
    /// is warm-up; on 2 cores throughput takes 10-20 s to level off (tiered JIT, connection pools),
    /// and memory judged after a shorter warm-up grows with throughput rather than with a leak.
    /// </summary>
    public static int LoadSeconds
    {
        get
        {
            var seconds = Integer("KNEETRIAGE_LOAD_SECONDS", 60);
            return seconds >= 60
                ? seconds
                : throw new InvalidOperationException($"KNEETRIAGE_LOAD_SECONDS={seconds}: the load runs at least 60 s, so its first third (the warm-up) covers the ramp to full throughput.");
        }
    }

    private static int Integer(string name, int fallback)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{name}={text} is not a positive whole number.");
    }
}
