namespace KneeTriage.Web.Tests.Security;

/// <summary>A Content-Security-Policy header split into directives, the way graders read it.</summary>
internal sealed class ContentSecurityPolicy
{
    private readonly Dictionary<string, IReadOnlyList<string>> directives;

    private ContentSecurityPolicy(Dictionary<string, IReadOnlyList<string>> directives) => this.directives = directives;

    public IReadOnlyCollection<string> Names => directives.Keys;

    public static ContentSecurityPolicy Parse(string header)
    {
        var directives = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var part in header.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tokens = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var name = tokens[0].ToLowerInvariant();
            // Browsers ignore a repeated directive; a policy that repeats one says something it does not do.
            Assert.False(directives.ContainsKey(name), $"CSP repeats the directive {name}: {header}");
            directives[name] = tokens.Skip(1).ToList();
        }

        return new ContentSecurityPolicy(directives);
    }

    /// <summary>The sources in force for a fetch directive, falling back to default-src as browsers do.</summary>
    public IReadOnlyList<string> EffectiveSources(string directive) =>
        directives.TryGetValue(directive, out var sources) ? sources
        : directives.TryGetValue("default-src", out var fallback) ? fallback
        : ["*"];

    /// <summary>Sources of a directive that has no fallback (base-uri, form-action, frame-ancestors).</summary>
    public IReadOnlyList<string>? Sources(string directive) =>
        directives.TryGetValue(directive, out var sources) ? sources : null;

    public IEnumerable<(string Directive, string Source)> AllSources() =>
        directives.SelectMany(pair => pair.Value.Select(source => (pair.Key, source)));
}
