namespace KneeTriage.Web.Questionnaire;

/// <summary>Where the knowledge base lives (section "Triage").</summary>
public sealed class TriageOptions
{
    public const string SectionName = "Triage";

    /// <summary>The content/triage folder; by default the copy that travels with the build output.</summary>
    public string ContentPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "content", "triage");

    internal string? Problem() => string.IsNullOrWhiteSpace(ContentPath) ? $"{SectionName}:ContentPath must name the knowledge base's folder." : null;
}
