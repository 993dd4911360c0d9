using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.BrowserTests.Infrastructure;

/// <summary>
/// The real app (the same Program, middleware and content) on Kestrel at a free loopback port,
/// with its own SQLite database in a temporary folder, so a browser can reach it over TCP.
/// </summary>
public sealed class KestrelSite : WebApplicationFactory<Program>
{
    private readonly string _databasePath;

    public KestrelSite(string databasePath)
    {
        _databasePath = databasePath;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The root address the browser visits, e.g. http://127.0.0.1:41234.</summary>
    public Uri RootUri
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                ?? throw new InvalidOperationException("Kestrel reported no server addresses feature.");
            var address = addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel is not listening on any address.");
            return new Uri(address);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, so the browser sees what a runner sees (error pages, headers, no dev tooling).
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:KneeTriage", $"Data Source={_databasePath}");
        // A browser journey sends bursts of requests from one address; limits are tested elsewhere.
        builder.UseSetting("RateLimiting:Enabled", "false");
    }
}
