namespace KneeTriage.Web.Questionnaire;

/// <summary>
/// The answers given so far, as the form posted them, kept between steps in a protected cookie.
/// Only answers that passed validation are kept.
/// </summary>
public sealed record QuestionnaireDraft
{
    public static readonly QuestionnaireDraft Empty = new();

    /// <summary>Raw form values by question id.</summary>
    public IReadOnlyDictionary<string, string[]> Values { get; init; } = new Dictionary<string, string[]>(StringComparer.Ordinal);

    /// <summary>Steps the runner has saved, so "Check your answers" is reached only when every step was seen.</summary>
    public IReadOnlyList<string> CompletedSteps { get; init; } = [];

    /// <summary>
    /// The emergency and urgent warnings (rule ids) whose advice the runner read before choosing to
    /// carry on (the name is older than urgent interruptions; kept so drafts in browsers still read).
    /// A warning that appears later, such as one that needs the injury from a later step, is shown
    /// as soon as the answers so far raise it, when it calls for a more pressing action than the
    /// advice already read (see <see cref="InterruptingSigns"/>).
    /// </summary>
    public IReadOnlyList<string> AcknowledgedEmergencies { get; init; } = [];

    /// <summary>
    /// "Check again": the earlier answers to the warning questions, in words by form field ("no"),
    /// shown as hints beside questions that are asked afresh, never filled in.
    /// </summary>
    public IReadOnlyDictionary<string, string> LastTime { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The token of the result this check follows ("Check again"), or null. Set only by the result
    /// page after the browser proved with its delete-key cookie that it made that result; the cookie
    /// is data-protected, so the browser cannot set it. The result is looked up again when the check
    /// is stored (it may have been deleted meanwhile).
    /// </summary>
    public string? Follows { get; init; }

    /// <summary>
    /// A random id given when the draft is first written: the final submit is idempotent by it, so a
    /// second submit of the same review page (two tabs, a double tap, a retry after a 502) shows the
    /// result the first made instead of storing another (Pages/Check/Review).
    /// </summary>
    public string? Id { get; init; }

    public bool HasCompleted(string stepId) => CompletedSteps.Contains(stepId, StringComparer.Ordinal);
}
