using Microsoft.AspNetCore.OutputCaching;

namespace KneeTriage.Web.Countries;

/// <summary>
/// <c>POST /country</c>, the footer's form (no script needed): keeps the chosen code in the
/// <c>country</c> cookie and sends the browser back to the page it came from with a 303 (post,
/// redirect, get), so a reload never posts again. An unknown code keeps "anywhere else".
/// </summary>
public static class CountryChoiceEndpoint
{
    public const string Path = "/country";

    /// <summary>A choice lasts a year; choosing again replaces it.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    public static IEndpointConventionBuilder MapCountryChoice(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, (Delegate)ChooseAsync).DisableAntiforgery().ExcludeFromDescription();

    private static async Task<IResult> ChooseAsync(HttpContext context)
    {
        var request = context.Request;
        // No antiforgery token (the form sits on cached pages), so another site's page may not post
        // here: a forged choice would show a runner another country's emergency number.
        if (IsCrossSite(request))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The country can only be changed from this site's own pages.");
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(context.RequestAborted) : null;
        var code = form?["code"].ToString() is { Length: > 0 } posted ? posted : request.Query["code"].ToString();
        var country = CountryTable.Default.Find(code);
        context.Response.Cookies.Append(ViewerCountry.CookieName, country.Code, new CookieOptions
        {
            Path = "/",
            MaxAge = Lifetime,
            HttpOnly = true,
            Secure = request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
        });

        var back = form?["return"].ToString() is { Length: > 0 } target ? target : request.Query["return"].ToString();
        return new SeeOther(IsLocal(back) ? back : "/");
    }

    /// <summary>A path on this site ("/check"), never another site ("//evil", "/\evil", "https://...").</summary>
    internal static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);

    /// <summary>A post another site's page made (by Sec-Fetch-Site or Origin); also the board page's guard (no antiforgery token there either).</summary>
    internal static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site is "cross-site")
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && origin != "null"
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var from) && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>303 See Other: the browser follows it with a GET.</summary>
    private sealed class SeeOther(string url) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = url;
            httpContext.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// Adds the viewer's country to the output cache's key of every GET and HEAD, as the encoding is
/// (<c>EncodingVariantPolicy</c>): every page's footer and warning signs name the country's numbers,
/// so a page drawn for one country is never served to a viewer in another. It never turns caching on.
/// </summary>
public sealed class CountryVariantPolicy : IOutputCachePolicy
{
    private const string Key = "country";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            context.CacheVaryByRules.VaryByValues[Key] = ViewerCountry.Of(context.HttpContext).Code;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
