using System.Net;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Boards;

/// <summary>Post, redirect, get: the page a creating form's 303 leads to, fetched once as the browser would.</summary>
public static class Redirected
{
    /// <summary>Checks <paramref name="posted"/> is a 303 and loads its Location (HTML and parsed page).</summary>
    public static async Task<(string Html, HtmlPage Page)> FollowAsync(HttpClient client, HttpResponseMessage posted)
    {
        Assert.True(posted.StatusCode == HttpStatusCode.SeeOther,
            $"the form answered {(int)posted.StatusCode}, not 303 See Other: a refresh would post it again. {await posted.Content.ReadAsStringAsync()}");
        var location = posted.Headers.Location?.OriginalString ?? throw new InvalidOperationException("303 without a Location");
        using var page = await client.GetAsync(new Uri(location, UriKind.RelativeOrAbsolute));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        return (html, HtmlPage.Parse(location, html));
    }
}
