namespace KneeTriage.Web.Clinician;

/// <summary>
/// A result as a physiotherapist or GP needs it on one A4 page (contract v1.2 "For the clinician"):
/// who and since when, the one action and why, every warning question with its answer (the noes
/// as noes, "not sure" and "not asked" as such), the causes by band with their reasons, and the
/// series' pain and activity scores. Read from what was stored, never recomputed.
/// </summary>
public sealed record ClinicianSummary
{
    public required DateTime CreatedAt { get; init; }

    /// <summary>Age, side, onset and duration, in that order.</summary>
    public required IReadOnlyList<SummaryFact> About { get; init; }

    /// <summary>The disposition's heading, as the result leads with it.</summary>
    public required string Disposition { get; init; }

    /// <summary>What the warning signs at the disposition's level may mean.</summary>
    public required IReadOnlyList<string> Why { get; init; }

    /// <summary>Signs of a lower level ("also tell the clinician").</summary>
    public required IReadOnlyList<string> AlsoTell { get; init; }

    /// <summary>Every warning question of the knowledge base, in the order the check asks them.</summary>
    public required IReadOnlyList<SummaryFact> WarningAnswers { get; init; }

    public required IReadOnlyList<SummaryCause> Causes { get; init; }

    /// <summary>The activities named anywhere in the series, in order of first mention; the columns of <see cref="Checks"/>.</summary>
    public required IReadOnlyList<string> Activities { get; init; }

    /// <summary>The series' checks, oldest first, this result among them.</summary>
    public required IReadOnlyList<SummaryCheck> Checks { get; init; }
}

/// <summary>A question in a few words and its answer in words.</summary>
public sealed record SummaryFact(string Label, string Answer)
{
    /// <summary>A yes (or a ticked sign, or "not sure"): the print and the screen mark it so a clinician's eye finds it.</summary>
    public bool IsSign { get; init; }

    /// <summary>
    /// For a question the form asked in two or more yes/no parts whose answers were stored: each
    /// part's sign and the runner's answer to it, shown in place of the merged <see cref="Answer"/>
    /// (which a limp alone would otherwise report as "hip pain: Yes"). Empty otherwise.
    /// </summary>
    public IReadOnlyList<SummaryFact> Parts { get; init; } = [];
}

/// <summary>A cause with its band in words and its reasons for and against.</summary>
public sealed record SummaryCause(string Band, string Name, IReadOnlyList<string> ReasonsFor, IReadOnlyList<string> ReasonsAgainst);

/// <summary>One check's scores: pain in the week, pain the next morning, each activity's score (by <see cref="ClinicianSummary.Activities"/>) and their mean.</summary>
public sealed record SummaryCheck(DateTime CreatedAt, bool IsThisResult, int? Pain, int? PainNextMorning, IReadOnlyList<int?> ActivityScores, decimal? ActivitiesMean);
