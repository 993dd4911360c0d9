using System.Collections.Concurrent;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Infrastructure.Compression;

/// <summary>
/// Which answers are compressed: HTML and JSON, for GET and HEAD only. Answers to a POST (a form
/// shown again with what was typed, the 201 that carries a new delete key) stay uncompressed, so
/// no compressed answer holds both a secret and text the request chose (decision 0012). Small
/// JSON answers (problems, a few hundred bytes) gain nothing and are left alone.
/// </summary>
public sealed class SiteCompressionPolicy(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    /// <summary>JSON answers shorter than this, when their length is known, are sent as they are.</summary>
    public const int MinimumJsonLength = 1024;

    public static readonly string[] CompressedMediaTypes = ["text/html", "application/json"];

    public override bool ShouldCompressResponse(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            return false;
        }

        var response = context.Response;
        if (response.StatusCode >= StatusCodes.Status400BadRequest)
        {
            // Problems and error pages are short; the answer that matters is the 2xx.
            return false;
        }

        if (response.ContentLength is { } length && length < MinimumJsonLength
            && response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return false;
        }

        return base.ShouldCompressResponse(context);
    }

    /// <summary>Browsers send a handful of distinct Accept-Encoding values; this many are remembered.</summary>
    private const int RememberedHeaders = 64;

    private readonly ConcurrentDictionary<string, string> encodingByHeader = new(StringComparer.Ordinal);

    /// <summary>
    /// The encoding this request's answer will be compressed with ("br", "gzip", or "identity"):
    /// the output cache keeps one copy of a page per value, each compressed once. The choice depends
    /// only on the Accept-Encoding header, so it is parsed once per distinct header, not per request
    /// (every cached page view asks).
    /// </summary>
    public string ChosenEncoding(HttpContext context)
    {
        var header = context.Request.Headers.AcceptEncoding.ToString();
        if (encodingByHeader.TryGetValue(header, out var known))
        {
            return known;
        }

        var chosen = GetCompressionProvider(context)?.EncodingName ?? "identity";
        if (encodingByHeader.Count < RememberedHeaders)
        {
            encodingByHeader.TryAdd(header, chosen);
        }

        return chosen;
    }
}
