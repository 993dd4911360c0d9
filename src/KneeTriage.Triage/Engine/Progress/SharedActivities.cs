using System.Security.Cryptography;
using System.Text;
using KneeTriage.Triage.Answers;

namespace KneeTriage.Triage.Engine.Progress;

/// <summary>
/// The activities' scores of two checks, compared as a physio compares them: only the activities
/// scored at both (the Patient-Specific Functional Scale follows each activity; the mean of three
/// activities last time against one this time measures nothing). The means are of those shared
/// activities alone; both are null when no activity was scored at both checks, so no change is
/// counted where none can be measured.
/// </summary>
/// <param name="MeanBefore">The shared activities' mean at the earlier check (one decimal place).</param>
/// <param name="MeanAfter">The same at the later check.</param>
/// <param name="Shared">How many activities were scored at both checks.</param>
/// <param name="ScoredOnce">How many were scored at one of the two checks only (left out of the means).</param>
public sealed record SharedActivities(decimal? MeanBefore, decimal? MeanAfter, int Shared, int ScoredOnce)
{
    public static readonly SharedActivities None = new(null, null, 0, 0);

    /// <summary>Both checks scored activities, none of them the same: there is nothing to compare.</summary>
    public bool NoneInCommon => Shared == 0 && ScoredOnce > 0;

    /// <summary>
    /// Two checks' activities. A check whose activities are known only by their mean (a summary
    /// stored before the activities were kept by key) is compared by its mean, as before.
    /// </summary>
    public static SharedActivities Of(ProgressPoint earlier, ProgressPoint later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        if (earlier.ActivityScores is not { } before || later.ActivityScores is not { } after)
        {
            return earlier.ActivitiesMean is { } meanBefore && later.ActivitiesMean is { } meanAfter
                ? new SharedActivities(meanBefore, meanAfter, 0, 0)
                : None;
        }

        var shared = before.Keys.Where(after.ContainsKey).ToList();
        var scoredOnce = before.Count + after.Count - (2 * shared.Count);
        return shared.Count == 0
            ? new SharedActivities(null, null, 0, scoredOnce)
            : new SharedActivities(ActivitiesAnswer.MeanOf(shared.Select(k => before[k])), ActivitiesAnswer.MeanOf(shared.Select(k => after[k])), shared.Count, scoredOnce);
    }

    /// <summary>
    /// Each activity's score by its key (<see cref="KeyOf"/>), the first of two that read alike; null
    /// when none was scored.
    /// </summary>
    public static IReadOnlyDictionary<string, int>? ScoresOf(IReadOnlyList<ScoredActivity>? activities)
    {
        if (activities is not { Count: > 0 })
        {
            return null;
        }

        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            scores.TryAdd(KeyOf(activity.Activity), activity.Score);
        }

        return scores;
    }

    /// <summary>
    /// An activity's key: its name with case, spacing and Unicode form ignored ("Run 5 km" and "run
    /// 5km " are not the same; "Run  5 km" and "run 5 km" are), hashed, so a series summary can keep
    /// which activity is which without keeping the runner's words a second time.
    /// </summary>
    public static string KeyOf(string activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var words = string.Join(' ', activity.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(words)), 0, 9).Replace('+', '-').Replace('/', '_');
    }
}
