using KneeTriage.Web.Countries;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Countries;

/// <summary>
/// The one renderer for words that name a number or a service: the knowledge base's (and stored
/// results') UK words become the viewer's country's, every number a tap-to-call link, and nothing
/// else in the words changes.
/// </summary>
public sealed class ServiceTextTests
{
    private static ServiceText For(string code) => ServiceText.For(CountryTable.Default.Find(code));

    private static string Text(string html) => HtmlPage.Parse("/", $"<p>{html}</p>").Document.Body!.TextContent;

    private static List<string?> Links(string html) =>
        [.. HtmlPage.Parse("/", $"<p>{html}</p>").Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href"))];

    [Theory]
    [InlineData("GB", "Call 999 now (or your local emergency number) and ask for an ambulance.", "tel:999")]
    [InlineData("IE", "Call 112 or 999 now (or your local emergency number) and ask for an ambulance.", "tel:112 tel:999")]
    [InlineData("US", "Call 911 now (or your local emergency number) and ask for an ambulance.", "tel:911")]
    [InlineData("CA", "Call 911 now (or your local emergency number) and ask for an ambulance.", "tel:911")]
    [InlineData("AU", "Call 000 now (or your local emergency number) and ask for an ambulance.", "tel:000")]
    [InlineData("NZ", "Call 111 now (or your local emergency number) and ask for an ambulance.", "tel:111")]
    [InlineData("ZZ", "Call 112 now (or your local emergency number) and ask for an ambulance.", "tel:112")]
    public void TheEmergencyActionNamesTheCountrysNumberOnce(string code, string expected, string links)
    {
        var html = For(code).Encode("Call 999 now (or your local emergency number) and ask for an ambulance.");

        Assert.Equal(expected, Text(html));
        Assert.Equal(links.Split(' '), Links(html));
    }

    [Theory]
    [InlineData("GB", "Call 999 or go to A&E now", "Call 999 or go to A&E now")]
    [InlineData("US", "Call 999 or go to A&E now", "Call 911 or go to the emergency room now")]
    [InlineData("ZZ", "Call 999 or go to A&E now", "Call 112 (or your local emergency number) or go to an emergency department now")]
    [InlineData("AU", "Go to an emergency department (A&E) now.", "Go to an emergency department now.")]
    [InlineData("AU", "Call 999 (112 in Europe, 911 in the US and Canada) or go to an emergency department (A&E).", "Call 000 or go to an emergency department.")]
    [InlineData("GB", "Call 999 (112 in Europe, 911 in the US and Canada) or go to an emergency department (A&E).", "Call 999 or go to an emergency department (A&E).")]
    [InlineData("AU", "Contact NHS 111, an urgent GP appointment", "Contact healthdirect on 1800 022 222, an urgent GP appointment")]
    [InlineData("NZ", "a same-day GP appointment (in the UK, NHS 111 can direct you).", "a same-day GP appointment (Healthline on 0800 611 116 can direct you).")]
    [InlineData("GB", "a same-day GP appointment (in the UK, NHS 111 can direct you).", "a same-day GP appointment (in the UK, NHS 111 can direct you).")]
    [InlineData("IE", "Be seen today for a scan (NHS 111, urgent GP or urgent care).", "Be seen today for a scan (your GP or a GP out-of-hours service, urgent GP or urgent care).")]
    [InlineData("US", "Book an appointment with a GP or a physiotherapist in the coming days (in the UK many areas let you refer yourself to physiotherapy).", "Book an appointment with a primary care doctor or a physical therapist in the coming days (every state lets you see a physical therapist without a referral, some with limits).")]
    [InlineData("NZ", "Book an appointment with a GP or a physiotherapist in the coming days (in the UK many areas let you refer yourself to physiotherapy).", "Book an appointment with a GP or a physiotherapist in the coming days.")]
    [InlineData("CA", "Book a GP or physiotherapist in the coming days", "Book a family doctor or a physiotherapist in the coming days")]
    public void TheUkWordsBecomeTheCountrysAndNothingElseChanges(string code, string written, string expected) =>
        Assert.Equal(expected, Text(For(code).Encode(written)));

    [Theory]
    [InlineData("AU", "Healthline 0800 611 116 and 1800 022 222")]
    [InlineData("US", "Not 1999, 9990, 3.999 or 2026-01-12 & <b>")]
    [InlineData("NZ", "NHS 111 Wales, Sciatica")]
    public void NumbersThatAreNotServicesStayAsTheyAre(string code, string written)
    {
        var html = For(code).Encode(written);

        Assert.Equal(written, Text(html));
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void InTheGuideLinksAndTheirWordsAreKeptAndTheTextBetweenIsTheCountrys()
    {
        const string guide = "<p>Call 999 or go to A&amp;E. NHS 111 Wales, <a href=\"http://111.wales.nhs.uk/999\">NHS 111: <em>999</em></a> <strong>Call 999</strong></p>";

        var html = For("US").InHtml(guide);

        Assert.Equal(
            "<p>Call <a class=\"tel-link\" href=\"tel:911\">911</a> or go to the emergency room. NHS 111 Wales, <a href=\"http://111.wales.nhs.uk/999\">NHS 111: <em>999</em></a> <strong>Call <a class=\"tel-link\" href=\"tel:911\">911</a></strong></p>",
            html);
    }

    [Fact]
    public void EveryCountryHasASourceForItsServicesAndAnywhereElseComesLast()
    {
        var table = CountryTable.Default;

        Assert.Equal(["GB", "IE", "US", "CA", "AU", "NZ", "ZZ"], table.All.Select(country => country.Code));
        Assert.All(table.All, country => Assert.NotEmpty(country.Sources));
        Assert.All(table.All.SelectMany(country => country.Sources), source => Assert.Contains(source.Url.Scheme, new[] { Uri.UriSchemeHttp, Uri.UriSchemeHttps }));
    }

    [Theory]
    [InlineData("countries: []", "the last country must be ZZ")]
    [InlineData("countries:\n  - code: ZZ\n    name: anywhere else\n    emergency: \"112\"\n    emergencyDepartment: an emergency department\n    urgentLine: a local doctor\n    clinician: a doctor\n    numbers: [\"112\"]\n", "every country needs a source")]
    [InlineData("countries:\n  - code: ZZ\n    name: x\n    emergency: \"112\"\n    emergencyDepartment: y\n    urgentLine: z\n    clinician: c\n    numbers: [\"112\", \"811\"]\n    sources: [{about: a, title: t, url: 'https://example.org/'}]\n", "the number 811 is in no words")]
    public void ABrokenTableIsRefusedWithTheReason(string yaml, string reason)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CountryTable.Parse(yaml));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
