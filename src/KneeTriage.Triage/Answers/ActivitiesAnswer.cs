namespace KneeTriage.Triage.Answers;

/// <summary>
/// The answer to an activities question (contract v1.2, the Patient-Specific Functional Scale): the
/// entries as they arrived, before validation. Each part is kept as read (text, number or whatever
/// was sent), so the validator can name the entry and say what is wrong with it.
/// </summary>
public sealed record ActivitiesAnswer(IReadOnlyList<ActivityEntry> Entries) : AnswerValue
{
    /// <summary>The most entries the contract allows.</summary>
    public const int MaximumEntries = 3;

    /// <summary>The longest activity, in characters as a reader counts them.</summary>
    public const int MaximumActivityLength = 60;

    public const int MaximumScore = 10;

    /// <summary>The entries as activity and score; only meaningful once validated (others are left out).</summary>
    public IReadOnlyList<ScoredActivity> Scored =>
        [.. Entries.Select(e => e.Activity is TextAnswer text && e.Score is NumberAnswer number && number.Value == decimal.Truncate(number.Value) && number.Value is >= 0 and <= MaximumScore
            ? new ScoredActivity(text.Value, (int)number.Value)
            : null).OfType<ScoredActivity>()];

    /// <summary>The mean score to one decimal place (as the series shows it), or null with no scored entry.</summary>
    public decimal? Mean => Scored is { Count: > 0 } scored ? MeanOf(scored.Select(s => s.Score)) : null;

    /// <summary>The PSFS score: the mean of the activities' scores, rounded to one decimal place, so the words agree with the figure shown.</summary>
    public static decimal MeanOf(IEnumerable<int> scores) =>
        Math.Round(scores.Select(s => (decimal)s).Average(), 1, MidpointRounding.AwayFromZero);

    public bool Equals(ActivitiesAnswer? other) => other is not null && Entries.SequenceEqual(other.Entries);

    public override int GetHashCode() => Entries.Aggregate(19, (hash, entry) => (hash * 31) + entry.GetHashCode());
}

/// <summary>
/// One entry as sent: <see cref="Activity"/> and <see cref="Score"/> are null when missing.
/// <see cref="OtherFields"/> names any field besides the two; <see cref="NotAnObject"/> describes
/// an entry that was not an object at all (a number in the list).
/// </summary>
public sealed record ActivityEntry(AnswerValue? Activity, AnswerValue? Score)
{
    public IReadOnlyList<string> OtherFields { get; init; } = [];

    public string? NotAnObject { get; init; }

    public static ActivityEntry Of(string activity, int score) => new(new TextAnswer(activity), new NumberAnswer(score));

    public bool Equals(ActivityEntry? other) =>
        other is not null && Equals(Activity, other.Activity) && Equals(Score, other.Score)
        && OtherFields.SequenceEqual(other.OtherFields, StringComparer.Ordinal) && NotAnObject == other.NotAnObject;

    public override int GetHashCode() => HashCode.Combine(Activity, Score, OtherFields.Count, NotAnObject);
}

/// <summary>A validated activity and its score, 0 (cannot do it) to 10 (as before).</summary>
public sealed record ScoredActivity(string Activity, int Score);
