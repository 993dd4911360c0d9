using System.Globalization;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Engine.Progress;

/// <summary>What changed since the last check, in plain words for the result page.</summary>
public sealed record CheckChangeText
{
    /// <summary>For a worsening check: that it is getting worse and what to do; null otherwise. Show it first.</summary>
    public required string? GettingWorse { get; init; }

    /// <summary>One line per change ("New since your last check: ...", "Pain 6/10 → 3/10").</summary>
    public required IReadOnlyList<string> Lines { get; init; }

    /// <summary>
    /// The labels are short and in code; what to do comes from advice.yaml (the first "do now" line
    /// of the disposition), so a worsening runner is told exactly what the result page tells them.
    /// <paramref name="after"/> is the later check's disposition.
    /// </summary>
    public static CheckChangeText For(CheckChange change, AdviceText advice, Disposition after)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(advice);
        return new CheckChangeText
        {
            GettingWorse = change.Trend == Trend.Worse ? $"This is getting worse since your last check. {WhatToDo(after, advice)}" : null,
            Lines = [.. LinesFor(change)],
        };
    }

    private static string WhatToDo(Disposition after, AdviceText advice)
    {
        // Same-day and emergency actions as the result gives them; below that, worse means a clinician should look.
        var action = after >= Disposition.SameDay ? after : Disposition.BookAppointment;
        return advice.Action.TryGetValue(action, out var lines) && lines.Count > 0 ? lines[0] : "See a GP or physiotherapist.";
    }

    private static IEnumerable<string> LinesFor(CheckChange change)
    {
        if (change.WarningsAppeared.Count > 0)
        {
            // Distinct: two rules of one sign (suspected-clot, unexplained-calf-swelling) are one thing the runner said.
            yield return "New since your last check: " + Join(change.WarningsAppeared.Select(w => w.Sign).Distinct(StringComparer.Ordinal));
        }

        if (change.WarningsGone.Count > 0)
        {
            yield return "Gone since your last check: " + Join(change.WarningsGone.Select(w => w.Sign).Distinct(StringComparer.Ordinal));
        }

        if (change.UrgencyBefore != change.UrgencyAfter)
        {
            yield return $"Urgency {UrgencyWords.Short(change.UrgencyBefore)} → {UrgencyWords.Short(change.UrgencyAfter)}";
        }

        if (change.PainBefore is { } before && change.PainAfter is { } after)
        {
            yield return $"Pain {Score(before)}/10 → {Score(after)}/10";
        }

        if (change.PainNextMorningBefore is { } morningBefore && change.PainNextMorningAfter is { } morningAfter)
        {
            yield return $"Pain the morning after a run {Score(morningBefore)}/10 → {Score(morningAfter)}/10";
        }

        if (change.ActivitiesMeanBefore is { } activitiesBefore && change.ActivitiesMeanAfter is { } activitiesAfter)
        {
            // Only the activities scored at both checks are compared, and the line says so when others were left out.
            yield return change.Activities.ScoredOnce == 0
                ? $"Your activities, average score {Mean(activitiesBefore)}/10 → {Mean(activitiesAfter)}/10 (higher is better)"
                : (change.Activities.Shared == 1
                    ? $"The activity you scored both times, score {Mean(activitiesBefore)}/10 → {Mean(activitiesAfter)}/10 (higher is better). "
                    : $"The {Count(change.Activities.Shared)} you scored both times, average score {Mean(activitiesBefore)}/10 → {Mean(activitiesAfter)}/10 (higher is better). ")
                    + $"{Count(change.Activities.ScoredOnce)} scored only once {(change.Activities.ScoredOnce == 1 ? "is" : "are")} left out.";
        }
        else if (change.Activities.NoneInCommon)
        {
            yield return "Your activities: none was scored both times, so no change can be measured.";
        }

        if (change.Swelling.Appeared.Count > 0)
        {
            yield return "New swelling: " + Join(change.Swelling.Appeared);
        }

        if (change.Swelling.Gone.Count > 0)
        {
            yield return "Swelling gone: " + Join(change.Swelling.Gone);
        }

        if (change.Stiffness.Changed)
        {
            yield return $"Stiffness {Words(change.Stiffness.Before)} → {Words(change.Stiffness.After)}";
        }

        if (change.TopCauseChanged)
        {
            yield return $"Most likely cause {change.TopCauseBefore?.Name ?? "none listed"} → {change.TopCauseAfter?.Name ?? "none listed"}";
        }
    }

    /// <summary>"1 activity", "2 activities".</summary>
    private static string Count(int activities) =>
        activities == 1 ? "1 activity" : $"{activities.ToString(CultureInfo.InvariantCulture)} activities";

    private static string Join(IEnumerable<string> items) => string.Join("; ", items);

    private static string Words(IReadOnlyList<string> labels) => labels.Count == 0 ? "not answered" : Join(labels);

    private static string Score(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A mean as the series shows it: "6", "6.5".</summary>
    public static string Mean(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
