using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// What a browser would keep and send back: the test client keeps a cookie of any length, a browser
/// silently drops one whose Set-Cookie (name, value and attributes) is over 4,096 bytes. Records
/// every Set-Cookie the app sends and every Cookie header the client sends, to assert on and report,
/// and drops the over-long ones as a browser would (the client's cookie jar would throw instead).
/// </summary>
public sealed class BrowserCookieLimits : DelegatingHandler
{
    public const int MaxSetCookieBytes = 4096;

    /// <summary>nginx's default large_client_header_buffers: 8 KB for one header line ("Cookie: …").</summary>
    public const int MaxHeaderLineBytes = 8192;

    private readonly List<(string Path, string SetCookie)> _setCookies = [];

    public CookieContainer Cookies { get; } = new();

    public int LongestCookieHeaderLine { get; private set; }

    public IEnumerable<(string Path, string SetCookie)> TooLong =>
        _setCookies.Where(c => Encoding.UTF8.GetByteCount(c.SetCookie) > MaxSetCookieBytes);

    public int LongestSetCookie => _setCookies.Select(c => Encoding.UTF8.GetByteCount(c.SetCookie)).DefaultIfEmpty().Max();

    /// <summary>A client that keeps cookies, follows no redirect and records through this handler.</summary>
    public HttpClient ClientFor(KneeTriage.Web.Tests.Infrastructure.KneeTriageAppFactory factory) =>
        factory.CreateDefaultClient(new CookieContainerHandler(Cookies), this);

    /// <summary>Fails naming each Set-Cookie a browser would have dropped.</summary>
    public void AssertABrowserKeepsEveryCookie() =>
        Assert.True(!TooLong.Any(), string.Join("; ", TooLong.Select(c =>
            $"{c.Path} sent a Set-Cookie of {Encoding.UTF8.GetByteCount(c.SetCookie)} bytes ({c.SetCookie[..c.SetCookie.IndexOf('=', StringComparison.Ordinal)]}), over the {MaxSetCookieBytes} a browser keeps")));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValues("Cookie", out var cookieHeaders))
        {
            LongestCookieHeaderLine = Math.Max(LongestCookieHeaderLine, cookieHeaders.Sum(h => Encoding.UTF8.GetByteCount("Cookie: " + h)));
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            var sent = setCookies.ToList();
            _setCookies.AddRange(sent.Select(c => (request.RequestUri!.AbsolutePath, c)));
            response.Headers.Remove("Set-Cookie");
            response.Headers.TryAddWithoutValidation("Set-Cookie", sent.Where(c => Encoding.UTF8.GetByteCount(c) <= MaxSetCookieBytes));
        }

        return response;
    }
}
