using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace KneeTriage.Web.Tests.Hostile;

/// <summary>
/// The app as the outside auditor met it: Production (the friendly error pages and the exception
/// handler, not the developer page), rate limits off, every log event kept for the checks.
/// </summary>
internal static class AuditorApp
{
    public static WebApplicationFactory<Program> Start(RateLimitsOffAppFactory factory, CollectingLogSink sink) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(sink));
        });

    public static readonly HttpMethod[] EveryMethod =
        [HttpMethod.Get, HttpMethod.Head, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete, HttpMethod.Options, HttpMethod.Trace];
}
