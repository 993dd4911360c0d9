using KneeTriage.Triage.Knowledge.Yaml;

namespace KneeTriage.Triage.Knowledge;

/// <summary>
/// Reads the two flags a self-care step or an action line may carry: <c>stopsRunning: true</c>
/// (it tells the runner not to run) and <c>aboutRunning: true</c> (it says how to run). The engine
/// shows no line about running on a result where any line says not to run, so a line cannot be both.
/// </summary>
internal static class RunningFlags
{
    public const string StopsRunningKey = "stopsRunning";

    public const string AboutRunningKey = "aboutRunning";

    public static (bool StopsRunning, bool AboutRunning) Read(YamlEntry entry)
    {
        var stops = Flag(entry, StopsRunningKey);
        var about = Flag(entry, AboutRunningKey);
        return stops && about
            ? throw entry.Error($"a line cannot both stop running ('{StopsRunningKey}') and say how to run ('{AboutRunningKey}'); keep the one that fits")
            : (stops, about);
    }

    private static bool Flag(YamlEntry entry, string key) => entry.Optional(key) is not { } flag
        ? false
        : flag.Text() switch
        {
            "true" => true,
            "false" => false,
            var other => throw flag.Error($"'{key}' must be true or false, found '{other}'"),
        };
}
