namespace KneeTriage.Web.Infrastructure.SiteAddress;

/// <summary>Where the public reaches the site (section "Site").</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>
    /// The site's public address, e.g. "https://knee.example.org". When set, share links, QR codes,
    /// the API page's examples and the OpenAPI document's server are built from it, never from the
    /// Host a request sends, and AllowedHosts defaults to its host. Unset (the default), they use
    /// the request's own scheme and host, which suits development and a single machine.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    public string? Problem() => PublicUrl switch
    {
        null => null,
        { IsAbsoluteUri: false } => $"{SectionName}:PublicUrl must be an absolute URL such as https://knee.example.org.",
        { Scheme: not ("https" or "http") } => $"{SectionName}:PublicUrl must start with https:// (or http://).",
        { Query.Length: > 0 } or { Fragment.Length: > 0 } => $"{SectionName}:PublicUrl must not have a query or fragment.",
        _ => null,
    };
}
