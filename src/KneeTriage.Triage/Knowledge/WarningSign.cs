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
}

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
