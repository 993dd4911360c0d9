namespace KneeTriage.Web.ResultPage;

/// <summary>
/// Headers for anything answered at a result's address (the page, its 404, the API's answers):
/// never cached, never sent on as a referrer (the token is in the URL), never indexed.
/// </summary>
public static class ResultPageHeaders
{
    public static void Apply(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Robots-Tag"] = "noindex";
    }
}
