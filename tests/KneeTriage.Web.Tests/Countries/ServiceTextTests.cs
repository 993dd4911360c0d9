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
    [InlineData("US", "Book an appointment with a GP or a physiotherapist in the coming days (in the UK many areas let you refer yourself to physiotherapy).", "Book an appointment with a primary care doctor or a physical therapist in the coming days (every state lets you see a physical therapist without a referral, some with limits).")]
    [InlineData("NZ", "Book an appointment with a GP or a physiotherapist in the coming days (in the UK many areas let you refer yourself to physiotherapy).", "Book an appointment with a GP or a physiotherapist in the coming days.")]
    [InlineData("CA", "Book a GP or physiotherapist in the coming days", "Book a family doctor or a physiotherapist in the coming days")]
    public void TheUkWordsBecomeTheCountrysAndNothingElseChanges(string code, string written, string expected) =>
        Assert.Equal(expected, Text(For(code).Encode(written)));

    private const string SameDay = "NHS 111, an urgent GP appointment, an urgent treatment centre or a minor injuries unit";

    [Theory]
    [InlineData("GB", "Be seen by a clinician today (" + SameDay + ").", "Be seen by a clinician today (" + SameDay + "). {route}")]
    [InlineData("US", "Be seen by a clinician today (" + SameDay + ").", "Be seen by a clinician today (urgent care or a same-day appointment with your doctor). {route}")]
    [InlineData("IE", "Get it checked today (" + SameDay + "). An X-ray may be needed.", "Get it checked today (your GP, a GP out-of-hours service or an injury unit). {route} An X-ray may be needed.")]
    [InlineData("CA", "Be seen today (" + SameDay + ").", "Be seen today (the 811 nurse line, a walk-in clinic or your family doctor). {route}")]
    [InlineData("AU", "Be seen today for a scan (" + SameDay + "). Call 999 if you become breathless or have chest pain.", "Be seen today for a scan (healthdirect on 1800 022 222, your GP or an urgent care clinic). {route} Call 000 if you become breathless or have chest pain.")]
    [InlineData("NZ", "Be seen by a clinician today (" + SameDay + "). Do not run until you have been seen.", "Be seen by a clinician today (Healthline on 0800 611 116, your GP or an urgent care clinic). {route} Do not run until you have been seen.")]
    [InlineData("ZZ", "Get seen today (" + SameDay + ").", "Get seen today (a local doctor or urgent care service). {route}")]
    [InlineData("US", "Go to an emergency department (A&E) now for an X-ray.", "Go to an emergency department now for an X-ray.")]
    [InlineData("US", "See a GP or a physiotherapist in the coming days (in the UK many areas let you refer yourself to physiotherapy). A sports doctor can also help.", "See a primary care doctor or a physical therapist in the coming days (every state lets you see a physical therapist without a referral, some with limits). A sports doctor can also help.")]
    public void TheUkSameDayServicesBecomeTheCountrys(string code, string written, string expected) =>
        Assert.Equal(WithRoute(expected, code), Text(For(code).Encode(written)));

    /// <summary>Contract v1.2: a result keeps the words it was stored with, and yesterday's named the UK's services.</summary>
    [Theory]
    [InlineData("US", "Be seen by a clinician today, at urgent care, a minor-injury unit or a same-day GP appointment (in the UK, NHS 111 can direct you).", "Be seen by a clinician today (urgent care or a same-day appointment with your doctor).")]
    [InlineData("IE", "You cannot take four steps on the leg. Get it checked today (urgent care, a minor-injury unit or a same-day appointment); an X-ray may be needed.", "You cannot take four steps on the leg. Get it checked today (your GP, a GP out-of-hours service or an injury unit); an X-ray may be needed.")]
    [InlineData("CA", "Not being able to take four steps after a knee injury can mean a broken bone or a serious ligament injury. Go to an emergency department or urgent treatment centre now for an X-ray.", "Not being able to take four steps after a knee injury can mean a broken bone or a serious ligament injury. Go to an emergency department now for an X-ray.")]
    [InlineData("AU", "These calf signs could be a blood clot (DVT). Only a scan can tell. Be seen today for a scan (NHS 111, urgent GP or urgent care). Call 999 if you become breathless or have chest pain.", "These calf signs could be a blood clot (DVT). Only a scan can tell. Be seen today for a scan (healthdirect on 1800 022 222 or your GP). Call 000 if you become breathless or have chest pain.")]
    [InlineData("ZZ", "A swollen calf without a clear injury can be a blood clot. Only a scan can tell. Be seen today (NHS 111, urgent GP or urgent care).", "A swollen calf without a clear injury can be a blood clot. Only a scan can tell. Be seen today (a local doctor).")]
    public void StoredWordsForTheSameDayServicesBecomeTheCountrys(string code, string stored, string expected) =>
        Assert.Equal(expected, Text(For(code).Encode(stored)));

    [Theory]
    [InlineData("Be seen by a clinician today, at urgent care, a minor-injury unit or a same-day GP appointment (in the UK, NHS 111 can direct you).")]
    [InlineData("You cannot take four steps on the leg. Get it checked today (urgent care, a minor-injury unit or a same-day appointment); an X-ray may be needed.")]
    [InlineData("Not being able to take four steps after a knee injury can mean a broken bone or a serious ligament injury. Go to an emergency department or urgent treatment centre now for an X-ray.")]
    [InlineData("These calf signs could be a blood clot (DVT). Only a scan can tell. Be seen today for a scan (NHS 111, urgent GP or urgent care). Call 999 if you become breathless or have chest pain.")]
    public void TheUkReadsStoredWordsAsTheyWereWritten(string stored) =>
        Assert.Equal(stored, Text(For("GB").Encode(stored)));

    /// <summary>A possible clot needs a doctor, who arranges the scan: no injury unit, in any country.</summary>
    [Theory]
    [InlineData("GB", "Be seen today for a scan (NHS 111 or an urgent GP appointment). Call 999 if you become breathless.", "Be seen today for a scan (NHS 111 or an urgent GP appointment). {route} Call 999 if you become breathless.")]
    [InlineData("US", "Be seen today for a scan (NHS 111 or an urgent GP appointment). Call 999 if you become breathless.", "Be seen today for a scan (a same-day appointment with your doctor, or urgent care). {route} Call 911 if you become breathless.")]
    [InlineData("IE", "Be seen today (NHS 111 or an urgent GP appointment).", "Be seen today (your GP or a GP out-of-hours service). {route}")]
    [InlineData("NZ", "Be seen today (NHS 111 or an urgent GP appointment).", "Be seen today (Healthline on 0800 611 116 or your GP). {route}")]
    public void TheUkSameDayDoctorBecomesTheCountrys(string code, string written, string expected) =>
        Assert.Equal(WithRoute(expected, code), Text(For(code).Encode(written)));

    /// <summary>
    /// A same-day list that ends its sentence is followed by the country's route for the evening and
    /// the weekend (<c>outOfHours</c>); a list inside a sentence ("Same-day care (...) or A&amp;E is for") is not.
    /// </summary>
    [Theory]
    [InlineData("GB", "Same-day care (" + SameDay + ") or A&E is for injuries.", "Same-day care (" + SameDay + ") or A&E is for injuries.")]
    [InlineData("US", "Same-day care (" + SameDay + ") or A&E is for injuries.", "Same-day care (urgent care or a same-day appointment with your doctor) or the emergency room is for injuries.")]
    [InlineData("GB", "Be seen by a doctor today (NHS 111 or an urgent GP appointment).", "Be seen by a doctor today (NHS 111 or an urgent GP appointment). In the evening or at the weekend, if your GP surgery is closed, use NHS 111 online or call 111, day or night.")]
    [InlineData("US", "Be seen by a doctor today (NHS 111 or an urgent GP appointment).", "Be seen by a doctor today (a same-day appointment with your doctor, or urgent care). In the evening or at the weekend, if your doctor's office is closed, go to urgent care, or to the emergency room if urgent care is closed too.")]
    public void OnlyASameDayListThatEndsItsSentenceGainsTheRoute(string code, string written, string expected) =>
        Assert.Equal(expected, Text(For(code).Encode(written)));

    private static string WithRoute(string expected, string code) => expected.Replace("{route}", CountryTable.Default.Find(code).OutOfHours, StringComparison.Ordinal);

    [Fact]
    public void EveryCountrysSameDayServicesReplaceTheUksAndTheirNumbersCanBeTapped()
    {
        var written = CountryTable.Default.Find("GB").SameDayCare;

        Assert.Equal(SameDay, written);
        foreach (var country in CountryTable.Default.All)
        {
            var html = ServiceText.For(country).Encode(written);
            Assert.Equal(country.SameDayCare, Text(html));
            var numbers = country.Numbers.Where(number => country.SameDayCare.Contains(number, StringComparison.Ordinal)).Select(number => "tel:" + number.Replace(" ", "", StringComparison.Ordinal));
            Assert.Equal(numbers, Links(html));
        }
    }

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
    [InlineData("countries:\n  - code: ZZ\n    name: anywhere else\n    emergency: \"112\"\n    emergencyDepartment: an emergency department\n    urgentLine: a local doctor\n    sameDayCare: a local doctor\n    sameDayDoctor: a local doctor\n    outOfHours: o\n    clinician: a doctor\n    numbers: [\"112\"]\n", "every country needs a source")]
    [InlineData("countries:\n  - code: ZZ\n    name: x\n    emergency: \"112\"\n    emergencyDepartment: y\n    urgentLine: z\n    sameDayCare: s\n    sameDayDoctor: d\n    outOfHours: o\n    clinician: c\n    numbers: [\"112\", \"811\"]\n    sources: [{about: a, title: t, url: 'https://example.org/'}]\n", "the number 811 is in no words")]
    [InlineData("countries:\n  - code: ZZ\n    name: x\n    emergency: \"112\"\n    emergencyDepartment: y\n    urgentLine: z\n    clinician: c\n    numbers: [\"112\"]\n    sources: [{about: a, title: t, url: 'https://example.org/'}]\n", "ZZ: sameDayCare is missing")]
    [InlineData("countries:\n  - code: ZZ\n    name: x\n    emergency: \"112\"\n    emergencyDepartment: y\n    urgentLine: z\n    sameDayCare: s\n    clinician: c\n    numbers: [\"112\"]\n    sources: [{about: a, title: t, url: 'https://example.org/'}]\n", "ZZ: sameDayDoctor is missing")]
    [InlineData("countries:\n  - code: ZZ\n    name: x\n    emergency: \"112\"\n    emergencyDepartment: y\n    urgentLine: z\n    sameDayCare: a nurse line on 0800 123 456\n    sameDayDoctor: d\n    outOfHours: o\n    clinician: c\n    numbers: [\"112\"]\n    sources: [{about: a, title: t, url: 'https://example.org/'}]\n", "the number 0800 123 456 is in the words but not in numbers")]
    [InlineData("countries:\n  - code: ZZ\n    name: x\n    emergency: \"112\"\n    emergencyDepartment: y\n    urgentLine: z\n    sameDayCare: s\n    sameDayDoctor: d\n    clinician: c\n    numbers: [\"112\"]\n    sources: [{about: a, title: t, url: 'https://example.org/'}]\n", "ZZ: outOfHours is missing")]
    [InlineData("countries:\n  - code: ZZ\n    name: x\n    emergency: \"112\"\n    emergencyDepartment: y\n    urgentLine: z\n    sameDayCare: s\n    sameDayDoctor: d\n    outOfHours: at night, call 0800 123 456\n    clinician: c\n    numbers: [\"112\"]\n    sources: [{about: a, title: t, url: 'https://example.org/'}]\n", "the number 0800 123 456 is in the words but not in numbers")]
    public void ABrokenTableIsRefusedWithTheReason(string yaml, string reason)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CountryTable.Parse(yaml));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
