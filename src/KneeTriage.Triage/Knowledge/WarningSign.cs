using KneeTriage.Triage.Engine;

namespace KneeTriage.Triage.Knowledge;

/// <summary>
/// The warning signs of one level in plain words, from <c>warning-signs.yaml</c>: what every page
/// that names a warning sign shows, so the footer, the check and the guide say what the rules do.
/// </summary>
public sealed record WarningSignGroup
{
    public required Urgency Urgency { get; init; }

    /// <summary>What to do, in a few words ("Call 999 or go to A&amp;E now").</summary>
    public required string Heading { get; init; }

    /// <summary>One or two sentences on where to go.</summary>
    public required string Advice { get; init; }

    public required IReadOnlyList<WarningSign> Signs { get; init; }

    /// <summary>
    /// The signs by the one action their rules lead to, most pressing first: an emergency group
    /// splits into "call 999" and "go to an emergency department", so the footer and the guide give
    /// each sign the action a result's "get help if" list gives it (a hot, red knee with a fever: go).
    /// Every other group has one action, its own heading and advice.
    /// </summary>
    public required IReadOnlyList<WarningSignAction> Actions { get; init; }

    /// <summary>
    /// The urgent group's words for its signs by where they are seen (<c>byService</c>); null for
    /// every other group. Which signs go to a doctor is advice.yaml's (the same-day action's
    /// <c>whenRaised</c> rules): the pages split them, these are only the words.
    /// </summary>
    public SameDayByServiceWords? ByService { get; init; }
}

/// <summary>
/// How every page that lists the same-day signs words them: a lead for a level below a more urgent
/// one, and one heading (and for the doctor, its advice) per place the signs are seen.
/// </summary>
/// <param name="OnlyWithoutTheSignsAbove">Leads a level listed below a more urgent one: its signs count only without those ("If you have none of the signs above:").</param>
/// <param name="DoctorHeading">Over the signs that are not injuries (a possible clot, a hot knee): a doctor today.</param>
/// <param name="DoctorAdvice">Where that doctor is, in the knowledge base's words (ServiceText swaps the bracket for the country's).</param>
/// <param name="InjuryHeading">Over the injury signs, under the group's own advice, which names injury units.</param>
public sealed record SameDayByServiceWords(string OnlyWithoutTheSignsAbove, string DoctorHeading, string DoctorAdvice, string InjuryHeading);

/// <summary>The signs of a group that lead to one disposition, under that disposition's words.</summary>
public sealed record WarningSignAction
{
    public required Disposition Disposition { get; init; }

    /// <summary>What to do, in a few words ("Call 999 now").</summary>
    public required string Heading { get; init; }

    public required string Advice { get; init; }

    public required IReadOnlyList<WarningSign> Signs { get; init; }
}

/// <summary>One warning sign as a runner reads it, and the warning rules it sums up.</summary>
public sealed record WarningSign
{
    public required string Id { get; init; }

    /// <summary>The sign in plain words.</summary>
    public required string Sign { get; init; }

    /// <summary>A few words for the footer of every page; null only for see-clinician signs, which the footer leaves out.</summary>
    public string? Short { get; init; }

    /// <summary>What the sign may mean, or null; the guide and the emergency advice add it.</summary>
    public string? Why { get; init; }

    /// <summary>The ids of the warning rules this sign sums up; each has the group's urgency.</summary>
    public required IReadOnlyList<string> Rules { get; init; }

    /// <summary>The most pressing disposition of its rules: the one action every page gives this sign.</summary>
    public required Disposition Disposition { get; init; }
}
