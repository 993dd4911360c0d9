using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace KneeTriage.Web.Infrastructure.Compression;

public static class CompressionServiceCollectionExtensions
{
    /// <summary>
    /// Brotli and gzip for HTML and JSON answers to GET requests (see <see cref="SiteCompressionPolicy"/>).
    /// Static files are not compressed here: <c>MapStaticAssets</c> serves the copies the build compressed.
    /// See docs/decisions/0012-compressed-once-per-variant.md.
    /// </summary>
    public static IServiceCollection AddSiteCompression(this IServiceCollection services)
    {
        // Before AddResponseCompression, whose own provider is only added when none is.
        services.AddSingleton<SiteCompressionPolicy>();
        services.AddSingleton<IResponseCompressionProvider>(provider => provider.GetRequiredService<SiteCompressionPolicy>());
        services.AddResponseCompression(options =>
        {
            // Over TLS too: no compressed answer reflects what a request sent beside a secret (decision 0012).
            options.EnableForHttps = true;
            options.MimeTypes = SiteCompressionPolicy.CompressedMediaTypes;
            // Brotli first: a browser that accepts both gets the smaller one.
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // Optimal, not Fastest: cached pages are compressed once per variant, and the few pages
        // rendered per request are a few kilobytes (Brotli quality 4, gzip level 6).
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        // Every cached page is kept once per encoding (EncodingVariantPolicy, a base policy of the
        // output cache registered in Infrastructure/OutputCaching), whichever policy caches it.
        return services;
    }

    /// <summary>
    /// Inside the output cache, so a cached page is stored already compressed and served as stored:
    /// each variant (br, gzip, none) is compressed once, when it is first rendered.
    /// </summary>
    public static IApplicationBuilder UseSiteCompression(this IApplicationBuilder app) => app.UseResponseCompression();
}
