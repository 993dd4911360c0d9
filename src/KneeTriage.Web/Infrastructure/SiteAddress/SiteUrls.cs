using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Infrastructure.SiteAddress;

/// <summary>Absolute links to the site: from Site:PublicUrl when it is set, otherwise from the request.</summary>
public sealed class SiteUrls(IOptions<SiteOptions> options)
{
    private readonly string? _publicBase = options.Value.PublicUrl?.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>The site's root without a trailing slash, e.g. "https://knee.example.org".</summary>
    public string Base(HttpRequest request) =>
        _publicBase ?? $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary><paramref name="path"/> (starting with '/') made absolute.</summary>
    public string Absolute(HttpRequest request, string path) => Base(request) + path;
}
