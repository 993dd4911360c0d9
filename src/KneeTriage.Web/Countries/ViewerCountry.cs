using Microsoft.Net.Http.Headers;

namespace KneeTriage.Web.Countries;

/// <summary>
/// Whose numbers a page shows: the country the viewer chose (the <c>country</c> cookie), or else a
/// guess from the browser's Accept-Language (en-GB is the UK, fr-CA Canada...), or else "anywhere
/// else". No IP look-up and nothing stored about the viewer: the cookie holds only the code they picked.
/// An unknown code, in the cookie or a form, is "anywhere else", never an error.
/// </summary>
public static class ViewerCountry
{
    public const string CookieName = "country";

    private static readonly object ItemKey = new();

    /// <summary>The viewer's country, worked out once per request.</summary>
    public static Country Of(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var known) && known is ServiceText text)
        {
            return text.Country;
        }

        return TextFor(context).Country;
    }

    /// <summary>The renderer for the viewer's country (<see cref="ServiceText"/>), made once per request.</summary>
    public static ServiceText TextFor(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var known) && known is ServiceText text)
        {
            return text;
        }

        var made = ServiceTexts.For(Resolve(context.Request));
        context.Items[ItemKey] = made;
        return made;
    }

    /// <summary>The cookie's country if it holds one the table knows, otherwise the browser's language's guess.</summary>
    public static Country Resolve(HttpRequest request)
    {
        var table = CountryTable.Default;
        if (request.Cookies.TryGetValue(CookieName, out var chosen) && !string.IsNullOrEmpty(chosen))
        {
            // A cookie that names no country we know (edited, or from an older list): anywhere else.
            return table.Find(chosen);
        }

        return table.Find(Guess(request.Headers.AcceptLanguage.ToString()));
    }

    /// <summary>
    /// The first language in the browser's list with a region the table knows (en-GB: GB; fr-CA: CA),
    /// taken in the browser's order of preference; "anywhere else" when none has one. Only the region
    /// counts: "en" alone says nothing about where a runner is.
    /// </summary>
    public static string Guess(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage)
            || !StringWithQualityHeaderValue.TryParseList([acceptLanguage], out var languages))
        {
            return CountryTable.ElsewhereCode;
        }

        foreach (var language in languages.Where(l => (l.Quality ?? 1) > 0).OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value ?? "";
            var dash = tag.LastIndexOf('-');
            if (dash > 0 && tag.Length - dash == 3)
            {
                var region = tag[(dash + 1)..].ToUpperInvariant();
                // UK is what some browsers send for Britain; ZZ is not a region a browser should pick.
                region = region == "UK" ? "GB" : region;
                if (region != CountryTable.ElsewhereCode && CountryTable.Default.Knows(region))
                {
                    return region;
                }
            }
        }

        return CountryTable.ElsewhereCode;
    }
}

public static class ViewerCountryHttpContextExtensions
{
    /// <summary>The renderer for this request's viewer: <c>@Context.ViewerServices().Html(text)</c> in a page.</summary>
    public static ServiceText ViewerServices(this HttpContext context) => ViewerCountry.TextFor(context);
}

/// <summary>One renderer per country, made once: they hold compiled patterns.</summary>
internal static class ServiceTexts
{
    private static readonly Lazy<Dictionary<string, ServiceText>> ByCode = new(() =>
        CountryTable.Default.All.ToDictionary(country => country.Code, country => new ServiceText(country)));

    public static ServiceText For(Country country) => ByCode.Value[country.Code];
}
