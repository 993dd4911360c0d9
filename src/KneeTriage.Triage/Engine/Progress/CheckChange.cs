namespace KneeTriage.Triage.Engine.Progress;

/// <summary>What changed between an earlier check and a later one of the same runner.</summary>
public sealed record CheckChange
{
    /// <summary>Warning signs that fired in the later check and not in the earlier one.</summary>
    public required IReadOnlyList<FiredWarning> WarningsAppeared { get; init; }

    /// <summary>Warning signs that fired in the earlier check and not in the later one.</summary>
    public required IReadOnlyList<FiredWarning> WarningsGone { get; init; }

    public required AnswerChange Swelling { get; init; }

    public required AnswerChange Stiffness { get; init; }

    /// <summary>The contract's <c>pain-severity</c> (0 to 10), or null when not answered.</summary>
    public required int? PainBefore { get; init; }

    public required int? PainAfter { get; init; }

    /// <summary>The contract's <c>pain-next-morning</c> (0 to 10), or null when not answered.</summary>
    public int? PainNextMorningBefore { get; init; }

    public int? PainNextMorningAfter { get; init; }

    /// <summary>
    /// The mean of the scores of the activities scored at both checks (0 to 10, one decimal place),
    /// or null when none was scored at both (<see cref="SharedActivities"/>).
    /// </summary>
    public decimal? ActivitiesMeanBefore { get; init; }

    public decimal? ActivitiesMeanAfter { get; init; }

    /// <summary>Which activities the means compare: how many were scored at both checks, and at one only.</summary>
    public SharedActivities Activities { get; init; } = SharedActivities.None;

    public required Urgency UrgencyBefore { get; init; }

    public required Urgency UrgencyAfter { get; init; }

    /// <summary>The most likely cause, or null when none was listed (no pain and no sign).</summary>
    public required LikelyCause? TopCauseBefore { get; init; }

    public required LikelyCause? TopCauseAfter { get; init; }

    public required Trend Trend { get; init; }

    public bool TopCauseChanged => TopCauseBefore?.Id != TopCauseAfter?.Id;
}

/// <summary>A warning rule that fired, with its plain reason and the sign it sums up in a few words.</summary>
public sealed record FiredWarning
{
    public required string RuleId { get; init; }

    public required Urgency Urgency { get; init; }

    /// <summary>The rule's message: what the sign may mean and what to do.</summary>
    public required string Reason { get; init; }

    /// <summary>The sign in plain words from warning-signs.yaml when one sign alone names the rule; otherwise the rule's finding (what the result shows).</summary>
    public required string Sign { get; init; }
}

/// <summary>One question's answer before and after, as option labels in the question's option order.</summary>
public sealed record AnswerChange
{
    public required string QuestionId { get; init; }

    public required IReadOnlyList<string> Before { get; init; }

    public required IReadOnlyList<string> After { get; init; }

    public IReadOnlyList<string> Appeared => [.. After.Except(Before, StringComparer.Ordinal)];

    public IReadOnlyList<string> Gone => [.. Before.Except(After, StringComparer.Ordinal)];

    public bool Changed => !Before.SequenceEqual(After, StringComparer.Ordinal);
}

/// <summary>
/// One check of a series as a coach board or chart knows it: no answers, no warning signs. The three
/// measures of contract v1.2 ("Measured progress"), each null when not answered: pain at its worst
/// in the week and the morning after a run (0 to 10, lower is better), and the mean of the
/// activities' scores (0 to 10, higher is better).
/// </summary>
public sealed record ProgressPoint(Urgency Urgency, int? PainSeverity, int? PainNextMorning = null, decimal? ActivitiesMean = null)
{
    /// <summary>
    /// Each activity's score by its key (<see cref="SharedActivities.KeyOf"/>), so two checks compare
    /// only the activities scored at both; null when none was scored, or when only the mean is known.
    /// </summary>
    public IReadOnlyDictionary<string, int>? ActivityScores { get; init; }
}
