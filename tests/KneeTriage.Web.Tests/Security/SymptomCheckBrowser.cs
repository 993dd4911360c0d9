using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KneeTriage.Web.Tests.Security;

/// <summary>
/// Walks the symptom check the way a browser without JavaScript does: follows "Start now", fills
/// each step's form from a plan of answers (keeping the antiforgery token the page gave), posts,
/// follows the 303s, carries on past the emergency advice, and submits the review page.
/// </summary>
internal sealed class SymptomCheckBrowser
{
    private const int MaxPages = 20;

    private static readonly HtmlParser Parser = new();

    private readonly HttpClient client;

    public SymptomCheckBrowser(WebApplicationFactory<Program> factory) =>
        client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public HttpClient Client => client;

    /// <summary>Every Set-Cookie the app sent to this browser, so tests can see what it was given.</summary>
    public List<string> CookiesReceived { get; } = [];

    /// <summary>The value of the last cookie of this name that the app set, or null.</summary>
    public string? LastCookie(string name) => CookiesReceived
        .Where(c => c.StartsWith(name + "=", StringComparison.Ordinal))
        .Select(c => WebUtility.UrlDecode(c[(name.Length + 1)..].Split(';')[0]))
        .LastOrDefault(value => value.Length > 0);

    /// <summary>Answers the whole check and returns the result page's path (/results/{token}).</summary>
    public async Task<string> CompleteAsync(IReadOnlyDictionary<string, string[]> plan)
    {
        // A plan may name a question the form asks one fact at a time: post it as its parts.
        plan = KneeTriage.Web.Tests.Questionnaire.CheckForm.AsFormFields(plan);
        var start = await GetPageAsync("/check");
        var startLink = start.Document.QuerySelectorAll("a[href]")
            .FirstOrDefault(a => a.TextContent.Contains("Start", StringComparison.OrdinalIgnoreCase));
        Assert.True(startLink is not null, "the /check page has no Start link");
        var path = startLink.GetAttribute("href") ?? "/check";

        for (var page = 0; page < MaxPages; page++)
        {
            if (path.StartsWith("/results/", StringComparison.Ordinal))
            {
                return path;
            }

            var current = await GetPageAsync(path);
            var form = current.Document.QuerySelectorAll<IHtmlFormElement>("form")
                .FirstOrDefault(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)
                    && !(f.GetAttribute("action") ?? "").Contains("handler=", StringComparison.OrdinalIgnoreCase));
            Assert.True(form is not null, $"{path} has no form to carry on with");

            using var response = await PostFormAsync(path, form, FillIn(form, plan));
            Assert.True(response.StatusCode == HttpStatusCode.SeeOther,
                $"posting {path} answered {(int)response.StatusCode}, not a redirect: {Errors(await response.Content.ReadAsStringAsync())}");
            path = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"{path}: 303 without a Location");
        }

        throw new InvalidOperationException($"the check did not reach a result within {MaxPages} pages");
    }

    public async Task<(HttpStatusCode Status, IDocument Document)> GetPageAsync(string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}");
        return (response.StatusCode, Parser.ParseDocument(html));
    }

    /// <summary>The fields a browser would send for this form: hidden inputs as they are, the rest from the plan.</summary>
    public static List<KeyValuePair<string, string>> FillIn(IHtmlFormElement form, IReadOnlyDictionary<string, string[]> plan)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            var name = input.Name ?? "";
            var planned = plan.GetValueOrDefault(name);
            switch (input.Type)
            {
                case "hidden":
                    fields.Add(new(name, input.Value));
                    break;
                case "radio" or "checkbox":
                    if (planned is not null && planned.Contains(input.Value, StringComparer.Ordinal))
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                default:
                    if (planned is { Length: > 0 })
                    {
                        fields.Add(new(name, planned[0]));
                    }

                    break;
            }
        }

        return fields;
    }

    public static string AntiforgeryToken(IHtmlFormElement form) =>
        form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
        ?? throw new InvalidOperationException("the form carries no antiforgery token");

    public async Task<HttpResponseMessage> PostFormAsync(string pagePath, IHtmlFormElement form, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var action = form.GetAttribute("action") is { Length: > 0 } explicitAction ? explicitAction : pagePath;
        using var content = new FormUrlEncodedContent(fields);
        var response = await client.PostAsync(new Uri(action, UriKind.Relative), content);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            CookiesReceived.AddRange(cookies);
        }

        return response;
    }

    private static string Errors(string html) =>
        string.Join(" | ", Parser.ParseDocument(html).QuerySelectorAll(".error-message, .error-summary li").Select(e => e.TextContent.Trim()));
}
