using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>Every endpoint the app maps, read from its own <see cref="EndpointDataSource"/>.</summary>
internal static class MappedEndpoints
{
    public static IReadOnlyList<RouteEndpoint> Of(WebApplicationFactory<Program> app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    /// <summary>
    /// The endpoint routing picks for <paramref name="method"/> and <paramref name="path"/>: of those
    /// that match, the one with the fewest parameters (a literal segment beats a parameter), or null.
    /// </summary>
    public static RouteEndpoint? Match(IEnumerable<RouteEndpoint> endpoints, string method, string path) => endpoints
        .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods
            || methods.HttpMethods.Contains(method, StringComparer.OrdinalIgnoreCase))
        .Where(e => Matches(e, path.Length > 1 ? path.TrimEnd('/') : path))
        .OrderBy(e => e.RoutePattern.Parameters.Count)
        .FirstOrDefault();

    private static bool Matches(RouteEndpoint endpoint, string path)
    {
        var template = TemplateParser.Parse(endpoint.RoutePattern.RawText?.TrimStart('/') ?? string.Empty);
        var values = new RouteValueDictionary();
        if (!new TemplateMatcher(template, new RouteValueDictionary()).TryMatch(path, values))
        {
            return false;
        }

        // Parameters with an int constraint (/error/{code:int?}) only match numbers.
        return template.Parameters.All(p => !p.InlineConstraints.Any(c => c.Constraint.StartsWith("int", StringComparison.Ordinal))
            || values[p.Name!] is null || int.TryParse(values[p.Name!]?.ToString(), out _));
    }
}
