using AngleSharp.Dom;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Tests.Countries;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.WarningSigns;

/// <summary>
/// A tester walked the site as a UK runner with a hot, swollen calf after a calf pull (a possible
/// clot: be seen by a doctor today). The footer sent that sign to a doctor, but the check's start
/// page and the guide listed it under one "get seen today" line naming "a minor injuries unit",
/// which cannot scan for a clot. Every place that lists the same-day signs splits them as the footer
/// does: the signs that are not injuries under the doctor's words, the injuries under the places
/// that see them; and the footer's two same-day boxes have headings a runner can tell apart.
/// </summary>
public sealed class SameDaySignsByServiceEverywhereTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    /// <summary>Each place that lists the same-day signs, and what one box of it is there.</summary>
    public static TheoryData<string, string> PlacesByCountry()
    {
        var data = new TheoryData<string, string>();
        foreach (var code in new[] { "GB", "IE", "US" })
        {
            foreach (var place in new[] { "start page", "footer", "guide introduction", "guide table" })
            {
                data.Add(code, place);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PlacesByCountry))]
    public async Task AHotCalfAfterAnInjuryIsSentToADoctorAndAnInjuryToThePlacesThatSeeInjuries(string code, string place)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var country = CountryTable.Default.Find(code);
        var services = ServiceText.For(country);
        var urgent = factory.Services.GetRequiredService<KnowledgeBase>().WarningSignsFor(Urgency.Urgent)!;
        var clot = urgent.Signs.Single(sign => sign.Id == "hot-red-calf-after-injury");
        var injury = urgent.Signs.Single(sign => sign.Id == "locked-knee");

        var boxes = place switch
        {
            "start page" => Boxes(await HtmlPage.LoadAsync(client, "/check"), "main [data-action]"),
            "footer" => Boxes(await HtmlPage.LoadAsync(client, "/"), "footer .footer-warnings [data-action]"),
            "guide table" => Boxes(await HtmlPage.LoadAsync(client, "/article/symptoms"), "main tr"),
            _ => Sections(await HtmlPage.LoadAsync(client, "/article/introduction")),
        };

        var clotBox = BoxOf(boxes, clot, place);
        var doctor = Normalise(services.Plain(country.SameDayDoctor));
        var care = Normalise(services.Plain(country.SameDayCare));
        Assert.True(clotBox.Contains(doctor, StringComparison.Ordinal) && !clotBox.Contains(care, StringComparison.Ordinal),
            $"{code}, {place}: a hot calf after an injury (a possible clot) is not sent to a doctor today ({doctor}) alone: \"{clotBox}\"");

        var injuryBox = BoxOf(boxes, injury, place);
        Assert.True(injuryBox.Contains(care, StringComparison.Ordinal),
            $"{code}, {place}: a locked knee is not sent to the places that see injuries ({care}): \"{injuryBox}\"");
    }

    [Theory]
    [InlineData("GB")]
    [InlineData("IE")]
    [InlineData("US")]
    public async Task TheFootersTwoSameDayBoxesHaveHeadingsARunnerCanTellApartBelowTheEmergencySigns(string code)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var page = await HtmlPage.LoadAsync(client, "/");
        var words = factory.Services.GetRequiredService<KnowledgeBase>().WarningSignsFor(Urgency.Urgent)!.ByService!;

        var leads = page.Document.QuerySelectorAll("footer .footer-warnings [data-action=same-day] .warning-level-lead")
            .Select(lead => Normalise(lead.TextContent))
            .ToList();

        Assert.Equal(2, leads.Count);
        Assert.All(leads, lead => Assert.StartsWith(words.OnlyWithoutTheSignsAbove + " Be seen ", lead, StringComparison.Ordinal));
        Assert.True(leads.Distinct().Count() == 2, $"{code}: the footer's same-day boxes are headed alike: \"{leads[0]}\"");
        Assert.Equal($"{words.OnlyWithoutTheSignsAbove} {words.DoctorHeading} for:", leads[0]);
        Assert.Equal($"{words.OnlyWithoutTheSignsAbove} {words.InjuryHeading} for:", leads[1]);
    }

    private static List<string> Boxes(HtmlPage page, string selector) =>
        [.. page.Document.QuerySelectorAll(selector).Select(box => Normalise(box.TextContent))];

    /// <summary>The guide's sections of signs: each level-3 heading with what follows it up to the next heading.</summary>
    private static List<string> Sections(HtmlPage page)
    {
        var sections = new List<string>();
        foreach (var heading in page.Document.QuerySelectorAll("main h3"))
        {
            var text = heading.TextContent;
            for (var next = heading.NextElementSibling; next is not null && next.LocalName is not ("h2" or "h3"); next = next.NextElementSibling)
            {
                text += " " + next.TextContent;
            }

            sections.Add(Normalise(text));
        }

        return sections;
    }

    private static string BoxOf(List<string> boxes, WarningSign sign, string place)
    {
        var found = boxes.Where(box => box.Contains(Normalise(sign.Sign), StringComparison.Ordinal) || (sign.Short is { } shortWords && box.Contains(Normalise(shortWords), StringComparison.Ordinal))).ToList();
        Assert.True(found.Count == 1, $"{place}: the sign \"{sign.Short}\" is in {found.Count} boxes, not one: {string.Join(" | ", found)}");
        return found[0];
    }
}
