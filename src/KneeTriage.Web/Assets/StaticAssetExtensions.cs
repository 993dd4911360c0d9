using Microsoft.Net.Http.Headers;

namespace KneeTriage.Web.Assets;

public static class StaticAssetExtensions
{
    /// <summary>A year: a versioned URL (<c>site.css?v=hash</c>) names one exact file, so it never goes stale.</summary>
    private const string VersionedCacheControl = "public, max-age=31536000, immutable";

    /// <summary>
    /// Serves wwwroot. Pages link assets with <c>asp-append-version</c>, so a request carrying
    /// <c>?v=</c> is cached for a year; any other asset keeps the browser's usual revalidation.
    /// </summary>
    public static IApplicationBuilder UseSiteStaticFiles(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                if (context.Context.Request.Query.ContainsKey("v"))
                {
                    context.Context.Response.Headers[HeaderNames.CacheControl] = VersionedCacheControl;
                }
            },
        });
}
