using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Security;

/// <summary>
/// The shared test app with rate limits off, because most security tests submit more than a browser
/// would; the rate-limit and retention tests pass their own settings through <see cref="With"/>.
/// </summary>
public sealed class SecurityAppFactory : KneeTriageAppFactory
{
    public SecurityAppFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    private SecurityAppFactory(IReadOnlyDictionary<string, string?> settings)
        : base(WithRateLimitsOff(settings))
    {
    }

    /// <summary>An app with these configuration values on top of the security-test defaults.</summary>
    public static new SecurityAppFactory With(IReadOnlyDictionary<string, string?> settings) => new(settings);

    private static Dictionary<string, string?> WithRateLimitsOff(IReadOnlyDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return all;
    }
}
