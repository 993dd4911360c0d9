using KneeTriage.Web.Countries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KneeTriage.Web.Api;

/// <summary>
/// The optional <c>?country=</c> of the assessment endpoints: a client that shows the runner's
/// words to someone outside the UK asks for that country's numbers and services, as the pages give
/// them (<see cref="ServiceText"/>: "Call 911", "urgent care", the evening and weekend route). The
/// knowledge base, and so the body without the parameter, speaks the UK's words (contract v1); only
/// the words change, never an id, an urgency or what was stored.
/// </summary>
internal static class ApiCountry
{
    public const string QueryName = "country";

    /// <summary>The parameter as the OpenAPI document describes it.</summary>
    public const string Description = "Optional. A country code as the site's country choice keeps it (ISO 3166, any case; ZZ for anywhere else): the runner's words name that country's emergency number and services, as the result page does. Left out: the UK's words, as stored. An unknown code is a 400.";

    /// <summary>
    /// The renderer for <paramref name="code"/> (any case), null when the client did not ask, or a
    /// 400 naming the codes the site knows: an API client that misspelt "US" must not get 112 silently.
    /// </summary>
    public static (ServiceText? Words, ValidationProblem? Problem) Read(string? code)
    {
        if (code is null)
        {
            return (null, null);
        }

        var table = CountryTable.Default;
        var upper = code.Trim().ToUpperInvariant();
        if (!table.Knows(upper))
        {
            var known = string.Join(", ", table.All.Select(c => c.Code));
            return (null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal)
                {
                    [QueryName] = [$"Send one of {known} ({CountryTable.ElsewhereCode}: anywhere else, with 112), or leave it out for the UK's words."],
                },
                title: "The country is not known",
                detail: "Nothing was stored."));
        }

        return (ServiceText.For(table.Find(upper)), null);
    }
}
