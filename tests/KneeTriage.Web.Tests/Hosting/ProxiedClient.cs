using System.Net;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Hosting;

/// <summary>
/// The app as a reverse proxy reaches it. The in-memory server has no peer address, so a startup
/// filter takes it from a test-only header (<see cref="PeerHeader"/>) before the app's own
/// pipeline runs; a <see cref="ProxiedClient"/> sends that header and the proxy's X-Forwarded-*.
/// </summary>
public sealed class ProxiedAppFactory(IReadOnlyDictionary<string, string?> settings) : KneeTriageAppFactory(settings)
{
    public const string PeerHeader = "X-Test-Peer";

    /// <summary>A client whose requests arrive from <paramref name="peer"/>, forwarded for <paramref name="client"/> over <paramref name="scheme"/>.</summary>
    public HttpClient CreateProxiedClient(string peer, string? client = null, string? scheme = null) =>
        CreateDefaultClient(new Uri("http://localhost"), new ProxiedClient(peer, client, scheme));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer) && IPAddress.TryParse(peer, out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>
/// Adds the peer and forwarded headers to every request, and keeps cookies by name whatever their
/// Secure flag (the test server is plain HTTP; the proxy in front of it would be HTTPS).
/// </summary>
public sealed class ProxiedClient(string peer, string? client, string? scheme) : DelegatingHandler
{
    private readonly Dictionary<string, string> cookies = [];

    /// <summary>Every Set-Cookie header the app sent, as sent.</summary>
    public List<string> SetCookies { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add(ProxiedAppFactory.PeerHeader, peer);
        if (client is not null)
        {
            request.Headers.Add("X-Forwarded-For", client);
        }

        if (scheme is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", scheme);
        }

        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                SetCookies.Add(setCookie);
                var pair = setCookie.Split(';', 2)[0].Split('=', 2);
                cookies[pair[0]] = pair.Length > 1 ? pair[1] : string.Empty;
            }
        }

        return response;
    }
}
