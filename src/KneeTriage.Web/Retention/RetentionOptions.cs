namespace KneeTriage.Web.Retention;

/// <summary>How long stored results are kept, from the "Retention" section.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Results older than this are deleted. A year lets a runner come back to a result at next season's start.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often the purge runs (and once shortly after start-up). A result outlives MaxAge by at most this much.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    internal string? Problem() =>
        MaxAge <= TimeSpan.Zero ? $"{SectionName}:MaxAge must be greater than zero."
        : Interval <= TimeSpan.Zero ? $"{SectionName}:Interval must be greater than zero."
        : null;
}
