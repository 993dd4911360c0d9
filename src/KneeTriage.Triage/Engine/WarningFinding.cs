using System.Text.RegularExpressions;

namespace KneeTriage.Triage.Engine;

/// <summary>
/// What a warning sign may mean, without what to do about it. A rule's message is written as the
/// finding, then the action ("... can mean a blood clot. Call 999 now."). A result leads with one
/// action, its disposition; a rule's own action beside it would be a second voice (a lower level,
/// or "go to an emergency department" under "call 999"), so pages show the finding alone.
/// </summary>
public static partial class WarningFinding
{
    /// <summary>
    /// The openings of a sentence that tells the runner what to do. Not "Rest": a finding may open
    /// with "Rest pain ...". OneVoiceTests fails on a rule whose finding still holds an action.
    /// </summary>
    private static readonly string[] ActionOpenings =
    [
        "Call ", "Go ", "Get ", "Be seen", "Book ", "See ", "Stop ", "Ease off", "Do not", "Don't",
        "Take ", "Use ", "Seek ", "Ask ", "Ring ", "Phone ", "Contact ", "Keep ", "This needs", "It needs",
    ];

    /// <summary>The message's sentences that are not actions; the whole message when every sentence is one.</summary>
    public static string Of(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sentences = SentenceBreak().Split(message.Trim());
        var finding = sentences.Where(s => !IsAction(s)).ToList();
        return finding.Count > 0 ? string.Join(' ', finding) : message.Trim();
    }

    public static bool IsAction(string sentence) =>
        ActionOpenings.Any(opening => sentence.TrimStart().StartsWith(opening, StringComparison.Ordinal));

    // A full stop, question or exclamation mark followed by a space and a capital: the next sentence.
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();
}
