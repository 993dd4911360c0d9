using System.Net;
using KneeTriage.Web.Infrastructure.OptionsValidation;
using KneeTriage.Web.Infrastructure.SiteAddress;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace KneeTriage.Web.Infrastructure.Proxy;

public static class ProxyServiceCollectionExtensions
{
    /// <summary>Hosts that may always be named, so a health probe on the machine itself works with AllowedHosts narrowed.</summary>
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// Running behind a TLS-terminating reverse proxy: the client address and scheme come from
    /// X-Forwarded-For / X-Forwarded-Proto when a trusted proxy sent them (loopback, plus
    /// ForwardedHeaders:KnownProxies and :KnownIPNetworks), so HSTS, Secure cookies, redirects and
    /// rate-limit partitions see the real client. Site:PublicUrl fixes the links the app writes
    /// and narrows AllowedHosts to its host.
    /// </summary>
    public static IServiceCollection AddBehindProxy(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>()
            .BindConfiguration(ProxyOptions.SectionName)
            .ValidateProblem(options => options.FirstInvalidEntry())
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
            {
                // Host stays the client's own: links come from Site:PublicUrl, and nginx passes Host through.
                forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                // The framework's defaults (127.0.0.0/8 and ::1) stay; configured proxies are added.
                foreach (var proxy in proxies.Value.KnownProxies)
                {
                    forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
                }

                foreach (var network in proxies.Value.KnownIPNetworks)
                {
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            });

        // Every cookie is Secure whenever the request is HTTPS: the draft and delete-key cookies set it
        // themselves (from Request.IsHttps, which the forwarded scheme sets); antiforgery's default is
        // never. Not the cookie-policy middleware: it wraps the cookies of every request (article
        // pages included) and cost a few microseconds of CPU per request for three cookies.
        services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.SectionName)
            .ValidateProblem(options => options.Problem())
            .ValidateOnStart();
        services.AddSingleton<SiteUrls>();
        // Registered after the framework's own post-configuration, which reads the AllowedHosts setting.
        services.AddOptions<HostFilteringOptions>()
            .PostConfigure<IOptions<SiteOptions>>((hosts, site) =>
            {
                if (site.Value.PublicUrl is { IsAbsoluteUri: true } publicUrl && (hosts.AllowedHosts.Count == 0 || hosts.AllowedHosts.Contains("*")))
                {
                    hosts.AllowedHosts = [publicUrl.IdnHost, .. LoopbackHosts];
                }
            });
        services.AddOptions<OpenApiOptions>("v1")
            .Configure<IOptions<SiteOptions>>((openApi, site) =>
            {
                if (site.Value.PublicUrl is { IsAbsoluteUri: true } publicUrl)
                {
                    var server = publicUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
                    openApi.AddDocumentTransformer((document, _, _) =>
                    {
                        document.Servers = [new OpenApiServer { Url = server }];
                        return Task.CompletedTask;
                    });
                }
            });
        return services;
    }

    /// <summary>
    /// First in the pipeline: everything after it sees the client's address and scheme. In
    /// Production without Site:PublicUrl, one warning at start-up: the request's Host header then
    /// shapes share links, QR codes and the OpenAPI servers, and every host is allowed.
    /// </summary>
    public static WebApplication UseBehindProxy(this WebApplication app)
    {
        if (app.Environment.IsProduction() && app.Services.GetRequiredService<IOptions<SiteOptions>>().Value.PublicUrl is null)
        {
            app.Logger.LogWarning(
                "Site:PublicUrl is not set: share links, QR codes and the OpenAPI servers are built from each request's Host header, and AllowedHosts is not narrowed. "
                + "Set Site:PublicUrl to the site's public address, e.g. https://knee.example.org");
        }

        app.UseForwardedHeaders();
        return app;
    }
}
