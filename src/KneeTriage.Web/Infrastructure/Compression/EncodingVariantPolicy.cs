using Microsoft.AspNetCore.OutputCaching;

namespace KneeTriage.Web.Infrastructure.Compression;

/// <summary>
/// Adds the chosen encoding to the output cache's key of every GET and HEAD, so a page is cached
/// once as Brotli, once as gzip and once uncompressed, each compressed when first rendered and then
/// served as stored. It never turns caching on: the pages' own policies decide that. The key holds
/// the encoding the compression middleware will pick, not the raw Accept-Encoding header, so every
/// browser's spelling of "gzip, deflate, br, zstd" shares one copy.
/// </summary>
public sealed class EncodingVariantPolicy(SiteCompressionPolicy compression) : IOutputCachePolicy
{
    private const string Key = "encoding";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            context.CacheVaryByRules.VaryByValues[Key] = compression.ChosenEncoding(context.HttpContext);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
