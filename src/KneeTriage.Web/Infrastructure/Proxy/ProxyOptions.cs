using System.Net;

namespace KneeTriage.Web.Infrastructure.Proxy;

/// <summary>
/// Which peers may tell the app, through X-Forwarded-For and X-Forwarded-Proto, who the client is
/// and whether it came over HTTPS (section "ForwardedHeaders"). Loopback (127.0.0.0/8 and ::1) is
/// always trusted, so nginx on the same machine needs no setting; a proxy on another machine must
/// be listed, or its headers are ignored and every client counts as that proxy.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Single addresses, e.g. ["10.0.0.5"].</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks in CIDR form, e.g. ["10.0.0.0/24", "fd00::/64"].</summary>
    public IList<string> KnownIPNetworks { get; } = [];

    /// <summary>The first entry that does not parse, or null when all do.</summary>
    public string? FirstInvalidEntry() =>
        KnownProxies.FirstOrDefault(p => !IPAddress.TryParse(p, out _)) is { } proxy
            ? $"{SectionName}:KnownProxies has '{proxy}', which is not an IP address."
            : KnownIPNetworks.FirstOrDefault(n => !IPNetwork.TryParse(n, out _)) is { } network
                ? $"{SectionName}:KnownIPNetworks has '{network}', which is not a network in CIDR form (like 10.0.0.0/24)."
                : null;
}
