using KneeTriage.Triage.Answers;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using KneeTriage.Web.Tests.ResultPage;

namespace KneeTriage.Web.Tests.Countries;

/// <summary>
/// Issue #24 item 5: a runner in each country reads that country's numbers and services on the
/// check's start page, the emergency advice and an emergency result (stored words, the viewer's
/// numbers), each a tap-to-call link, and no other country's number.
/// </summary>
public sealed class CountryPagesTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    public static TheoryData<string> Codes => ["GB", "IE", "US", "CA", "AU", "NZ", "ZZ"];

    private static Country CountryOf(string code) => CountryTable.Default.Find(code);

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task TheStartPageWarningSignsNameTheCountrysEmergencyNumber(string code)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var page = await HtmlPage.LoadAsync(client, "/check");

        CountryViewer.AssertOnlyTheCountrysNumbers(page, CountryOf(code));
        var emergency = page.Document.QuerySelector("main [data-urgency='emergency']");
        Assert.NotNull(emergency);
        Assert.NotNull(emergency.QuerySelector($"a[href='tel:{CountryOf(code).EmergencyNumber}']"));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task TheEmergencyAdviceCallButtonDialsTheCountrysNumber(string code)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var advice = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers.With("breathless-or-chest-pain", "yes"));

        Assert.Equal("/check/emergency", new Uri(new Uri("http://localhost"), advice.Url).AbsolutePath);
        var call = advice.Document.QuerySelector("a.call-button-emergency");
        Assert.Equal($"tel:{CountryOf(code).EmergencyNumber}", call?.GetAttribute("href"));
        Assert.Equal($"Call {CountryOf(code).EmergencyNumber}", call?.TextContent.Trim());
        CountryViewer.AssertOnlyTheCountrysNumbers(advice, CountryOf(code));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task AnEmergencyResultShowsItsStoredWordsWithTheViewersNumbers(string code)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var (_, page) = await ResultPosting.PostAndLoadAsync(client, RuleRaisingAnswers.Calm.With("breathless-or-chest-pain", new BooleanAnswer(true)), code);

        var action = page.Document.QuerySelector(".urgency-banner .do-now-list li");
        Assert.NotNull(action);
        Assert.Equal($"tel:{CountryOf(code).EmergencyNumber}", action.QuerySelector("a.tel-link")?.GetAttribute("href"));
        // The stored words stay: only the number follows the viewer.
        Assert.StartsWith("Call ", action.TextContent, StringComparison.Ordinal);
        Assert.Contains("ask for an ambulance", action.TextContent, StringComparison.Ordinal);
        CountryViewer.AssertOnlyTheCountrysNumbers(page, CountryOf(code));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task ABookAppointmentResultTellsOnlyTheCountrysWayToSeeAPhysiotherapist(string code)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        // Hip or groin pain: see a clinician in the coming days, at every age from 16.
        var (body, page) = await ResultPosting.PostAndLoadAsync(client, RuleRaisingAnswers.Calm.With("hip-or-groin-pain", new BooleanAnswer(true)), code);

        Assert.Equal("book-appointment", body.GetProperty("disposition").GetString());
        var action = page.Document.QuerySelector(".urgency-banner .do-now-list")?.TextContent ?? "";
        var selfReferral = CountryOf(code).SelfReferral;
        if (selfReferral.Length > 0)
        {
            Assert.Contains(selfReferral, action, StringComparison.Ordinal);
        }

        // Walk 8: "In the UK, many areas let you book a physiotherapist yourself" reached a viewer in "anywhere else".
        if (code != "GB")
        {
            Assert.DoesNotContain("the UK", action, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task TheUrgentAdviceNamesTheCountrysSameDayServicesAndItsCallButtonOnlyWhereItHasANumber()
    {
        foreach (var country in CountryTable.Default.All)
        {
            var client = await CountryViewer.ChoosingAsync(factory, country.Code);
            // A hot knee, not an injury: a doctor today (NotAnInjuryGoesToADoctorTests), never an injury unit.
            var advice = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers.With("hot-red-knee", "yes"));

            Assert.Contains($"today ({country.SameDayDoctor})", advice.Document.QuerySelector(".interruption-action")?.TextContent, StringComparison.Ordinal);
            var button = advice.Document.QuerySelector("a.call-button-urgent");
            Assert.Equal(country.UrgentNumber?.Replace(" ", "", StringComparison.Ordinal), button?.GetAttribute("href")?["tel:".Length..]);
            // The button dials a line the action names.
            Assert.True(country.UrgentNumber is null || country.SameDayDoctor.Contains(country.UrgentNumber, StringComparison.Ordinal), $"{country.Code}: the call button's number is not in the same-day doctor's services");
        }
    }
}
