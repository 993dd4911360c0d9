namespace KneeTriage.Web.Infrastructure.Assets;

public static class StaticAssetExtensions
{
    /// <summary>
    /// Run from build output (<c>dotnet run</c>, the tests, the reliability tests in Production), the
    /// assets come from the build's manifest, compressed copies included, in every environment; and
    /// their cache headers are the published ones, not Development's <c>no-cache</c> on everything:
    /// a changed file gets a new fingerprint at the next build, so nothing goes stale. A publish
    /// carries no build manifest, so neither setting changes it.
    /// </summary>
    public static WebApplicationBuilder UseBuildOutputStaticAssets(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseStaticWebAssets();
        builder.Configuration["EnableStaticAssetsDevelopmentCaching"] ??= "true";
        // Development's catch-all for files added after the build would answer 405 to a DELETE of
        // any unknown path (an API id with a slash in it, say) instead of the 404 the API promises.
        builder.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] ??= "true";
        return builder;
    }

    /// <summary>
    /// Serves wwwroot through the build's static-asset manifest: pages link assets with
    /// <c>asp-append-version</c>, which names the fingerprinted file (<c>site.{hash}.css</c>), served
    /// with a year of <c>immutable</c> caching and an ETag; the plain name revalidates. A browser
    /// that accepts Brotli or gzip gets the copy the build compressed, so nothing is compressed per
    /// request. The security headers still apply: their middleware runs before routing.
    /// </summary>
    public static IEndpointRouteBuilder MapSiteStaticAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStaticAssets();
        return endpoints;
    }
}
