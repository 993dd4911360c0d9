using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace KneeTriage.Web.Tests.Hosting;

/// <summary>
/// Production without Site:PublicUrl builds links from the request's Host header: it starts, and
/// says so once at start-up. With PublicUrl set it says nothing (and AllowedHosts is narrowed to
/// its host: BehindProxyTests.WithPublicUrlSetAnotherHostIsRefused).
/// </summary>
public sealed class PublicUrlWarningTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("https://knee.example.org", 0)]
    public async Task ProductionWarnsOnceAtStartUpWhenPublicUrlIsNotSet(string? publicUrl, int warnings)
    {
        var sink = new CollectingLogSink();
        using var factory = KneeTriageAppFactory.With(new Dictionary<string, string?> { ["Site:PublicUrl"] = publicUrl });
        using var app = factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(sink));
        });
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost") });

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        }

        Assert.Equal(warnings, sink.Events.Count(e => e.Level == LogEventLevel.Warning && e.RenderMessage().Contains("Site:PublicUrl is not set", StringComparison.Ordinal)));
    }
}
