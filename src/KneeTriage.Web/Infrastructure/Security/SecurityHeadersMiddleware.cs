using Microsoft.Net.Http.Headers;

namespace KneeTriage.Web.Infrastructure.Security;

/// <summary>
/// Adds the security headers to every response: pages, static files, 404s, API problems and
/// error pages. The headers are written just before the response starts, so whatever produced
/// the response (and whatever cleared it on the way, like the exception handler) cannot drop them;
/// a header already set (Referrer-Policy: no-referrer on token routes, from Routing/SecretRouteHeaders) is kept.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            Apply((HttpContext)state);
            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        SetUnlessPresent(headers, HeaderNames.ContentSecurityPolicy, SecurityHeaderValues.ContentSecurityPolicy);
        SetUnlessPresent(headers, HeaderNames.XContentTypeOptions, SecurityHeaderValues.ContentTypeOptions);
        SetUnlessPresent(headers, "Referrer-Policy", SecurityHeaderValues.ReferrerPolicy);
        SetUnlessPresent(headers, "Permissions-Policy", SecurityHeaderValues.PermissionsPolicy);
        SetUnlessPresent(headers, "Cross-Origin-Resource-Policy", SecurityHeaderValues.CrossOriginResourcePolicy);
        SetUnlessPresent(headers, HeaderNames.XFrameOptions, SecurityHeaderValues.FrameOptions);
        if (context.Request.IsHttps)
        {
            SetUnlessPresent(headers, HeaderNames.StrictTransportSecurity, SecurityHeaderValues.StrictTransportSecurity);
        }
    }

    private static void SetUnlessPresent(IHeaderDictionary headers, string name, string value)
    {
        if (!headers.ContainsKey(name))
        {
            headers[name] = value;
        }
    }
}
