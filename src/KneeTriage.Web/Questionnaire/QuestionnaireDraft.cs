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

    /// <summary>The runner read the emergency advice and chose to carry on.</summary>
    public bool EmergencyAcknowledged { get; init; }

    public bool HasCompleted(string stepId) => CompletedSteps.Contains(stepId, StringComparer.Ordinal);
}
