using System.ComponentModel.DataAnnotations;

namespace KneeTriage.Web.Questionnaire;

/// <summary>Where the knowledge base lives (section "Triage").</summary>
public sealed class TriageOptions
{
    public const string Section = "Triage";

    /// <summary>The content/triage folder; by default the copy that travels with the build output.</summary>
    [Required]
    public string ContentPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "content", "triage");
}
