using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge.Criteria;

namespace KneeTriage.Triage.Knowledge;

/// <summary>The advice wording from <c>advice.yaml</c>.</summary>
public sealed record AdviceText
{
    /// <summary>The lines of each disposition's one action as written, its first line the action itself (made once, with <see cref="ActionLines"/>).</summary>
    public IReadOnlyDictionary<Disposition, IReadOnlyList<string>> Action { get; private init; } = new Dictionary<Disposition, IReadOnlyList<string>>();

    /// <summary>The same lines with what each says about running, and a line's words for a runner told not to run.</summary>
    public required IReadOnlyDictionary<Disposition, IReadOnlyList<ActionLine>> ActionLines
    {
        get;
        init
        {
            field = value;
            Action = value.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)[.. pair.Value.Select(line => line.Words)]);
        }
    }

    /// <summary>The signs that call for more than the result's own action, by the action they call for.</summary>
    public required IReadOnlyList<GetHelpText> GetHelpIf { get; init; }
    /// <summary>Shown with a self-care or book-appointment result only.</summary>
    public required IReadOnlyList<string> CheckAgain { get; init; }
    /// <summary>The line for a young runner's parent or carer, and whom it is for; null when the file gives none.</summary>
    public ParentOrCarerText? ParentOrCarer { get; init; }
    /// <summary>How many leading causes get self-care steps when self-care is appropriate.</summary>
    public required int SelfCareCauses { get; init; }
}

/// <summary>One line of a disposition's action.</summary>
public sealed record ActionLine
{
    public required string Words { get; init; }
    /// <summary>The line tells the runner not to run (<c>stopsRunning: true</c>).</summary>
    public bool StopsRunning { get; init; }
    /// <summary>The line says how to run (<c>aboutRunning: true</c>): not shown where any line says not to run.</summary>
    public bool AboutRunning { get; init; }
    /// <summary>
    /// What a line about running says instead when another line on the result says not to run
    /// (<c>whenNotRunning</c>: "Until then, do not run, ..."); null: the line is left out then.
    /// </summary>
    public string? WhenNotRunning { get; init; }

    /// <summary>
    /// Other words for this line when any of these warning rules is raised (<c>whenRaised</c>): a
    /// possible clot is told to see a doctor today, not an injury unit that cannot arrange a scan.
    /// </summary>
    public RuleRaisedWords? WhenRaised { get; init; }
}

/// <summary>A line's words when any of <see cref="Rules"/> is raised.</summary>
public sealed record RuleRaisedWords
{
    public required IReadOnlyList<string> Rules { get; init; }
    public required string Words { get; init; }
}

/// <summary>"Call 999 now if": the signs that call for one action.</summary>
public sealed record GetHelpText
{
    public required Disposition Disposition { get; init; }
    /// <summary>The words before the signs, ending in "if".</summary>
    public required string Lead { get; init; }
    public required IReadOnlyList<GetHelpSign> Signs { get; init; }
}

/// <summary>A sign to watch for. It is left out when the runner already reported it, or when <see cref="OnlyWhen"/> does not hold.</summary>
public sealed record GetHelpSign
{
    public required string Words { get; init; }
    /// <summary>The ids of the signs in warning-signs.yaml it names, each leading to its group's disposition.</summary>
    public IReadOnlyList<string> WarningSigns { get; init; } = [];
    /// <summary>The answers that mean the runner has this sign already; null for a sign no answer reports ("not improving").</summary>
    public AnswerCriterion? ReportedWhen { get; init; }
    public AnswerCriterion? OnlyWhen { get; init; }
}

public sealed record ParentOrCarerText
{
    public required AnswerCriterion When { get; init; }
    public required string Words { get; init; }
}
