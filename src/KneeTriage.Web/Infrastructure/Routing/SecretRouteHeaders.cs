namespace KneeTriage.Web.Infrastructure.Routing;

/// <summary>
/// Headers for anything answered at a route that carries or shows a secret (the result page, its
/// 404, the API's answers; see <see cref="SiteRoutes"/>): never cached, never sent on as a referrer
/// (the token is in the URL), never indexed.
/// </summary>
public static class SecretRouteHeaders
{
    public static void Apply(HttpResponse response)
    {
        // no-cache as well, as antiforgery sets on form pages: with no-store alone it overrides the
        // header and logs a warning on every view of a board or join page.
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Robots-Tag"] = "noindex";
    }

    /// <summary>After routing (the endpoint is known), before the rate limiter, so a 429 at a token's address gets them too.</summary>
    public static IApplicationBuilder UseSecretRouteHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            if (SiteRoutes.SecrecyOf(context.GetEndpoint()) is RouteSecrecy.TokenInPath or RouteSecrecy.ShowsTokens)
            {
                Apply(context.Response);
            }

            return next(context);
        });
}
