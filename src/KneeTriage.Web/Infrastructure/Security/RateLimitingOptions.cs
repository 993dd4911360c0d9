namespace KneeTriage.Web.Infrastructure.Security;

/// <summary>
/// Per-client request limits, from the "RateLimiting" section. Benchmarks and volume tests set
/// <c>RateLimiting:Enabled=false</c>, which removes the limiter from the pipeline altogether.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests that store a result: the form's final submit and POST /api/assessments.</summary>
    // At 20 a minute the clinical vignette check (dozens of cases posted back to back from one
    // address) got 429s, which it counts as unsafe triage; 300 a minute still stops a flood.
    public RateLimitRule Submissions { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Requests that name a share token: result pages, GET and DELETE /api/assessments/{id}.
    /// Generous for people, far too slow for anyone guessing tokens.</summary>
    public RateLimitRule Lookups { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };

    internal string? Problem() =>
        Submissions.IsValid() && Lookups.IsValid() ? null : $"{SectionName}: every PermitLimit and Window must be greater than zero.";
}

/// <summary>At most <see cref="PermitLimit"/> requests per client in each fixed <see cref="Window"/>.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    internal bool IsValid() => PermitLimit > 0 && Window > TimeSpan.Zero;
}
