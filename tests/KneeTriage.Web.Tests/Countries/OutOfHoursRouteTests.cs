using KneeTriage.Triage.Answers;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using KneeTriage.Web.Tests.ResultPage;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.Countries;

/// <summary>
/// Walkers told "be seen today" on a Saturday evening found no way to be seen: the GP surgery and
/// the urgent care the action named were closed. A same-day action carries the country's route for
/// the evening and the weekend (countries.yaml, <c>outOfHours</c>) inside its own line, never as a
/// line of its own (one action per page), on the result, the warning page and in the footer.
/// </summary>
public sealed class OutOfHoursRouteTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    public static TheoryData<string> Codes => CountryPagesTests.Codes;

    private static Country CountryOf(string code) => CountryTable.Default.Find(code);

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task AnUrgentResultsActionSaysWhereToGoWhenTheSurgeryIsClosed(string code)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var (body, result) = await ResultPosting.PostAndLoadAsync(client, RuleRaisingAnswers.Calm.With("cannot-bear-weight", new BooleanAnswer(true)), code);
        Assert.Equal("same-day", body.GetProperty("disposition").GetString());

        AssertTheActionCarriesTheRoute(result, ".urgency-banner .do-now-list li", $"Be seen by a clinician today ({CountryOf(code).SameDayCare}). {CountryOf(code).OutOfHours}", code);
    }

    /// <summary>A possible clot's action names a doctor today; the route follows it too.</summary>
    [Theory]
    [MemberData(nameof(Codes))]
    public async Task APossibleClotsActionSaysWhereToGoWhenTheSurgeryIsClosed(string code)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var (body, result) = await ResultPosting.PostAndLoadAsync(client, RuleRaisingAnswers.Calm.With("calf-signs", new ListAnswer(["swollen", "warm"])), code);
        Assert.Equal("same-day", body.GetProperty("disposition").GetString());

        AssertTheActionCarriesTheRoute(result, ".urgency-banner .do-now-list li", $"Be seen by a doctor today ({CountryOf(code).SameDayDoctor}). {CountryOf(code).OutOfHours}", code);
    }

    [Theory]
    [InlineData("GB")]
    [InlineData("US")]
    [InlineData("AU")]
    public async Task TheUrgentWarningPagesActionAndItsFooterSayWhereToGoWhenTheSurgeryIsClosed(string code)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var page = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers.With("four-steps-now", "no"));
        Assert.Equal("/check/urgent", page.Url);
        var country = CountryOf(code);

        AssertTheActionCarriesTheRoute(page, ".interruption-action li", $"Be seen by a clinician today ({country.SameDayCare}). {country.OutOfHours}", code);
        Assert.Contains(
            $"Be seen by a clinician today ({country.SameDayCare}). {country.OutOfHours} Do not run until you have been seen.",
            // The footer's same-day line for the injury signs, where "cannot take four steps" is listed.
            Normalise(page.Document.QuerySelector("footer [data-action='same-day']:last-of-type")?.QuerySelector(".warning-level-advice")?.TextContent ?? ""),
            StringComparison.Ordinal);
    }

    /// <summary>
    /// The route follows the doctor's list too (a possible clot, whose scan a doctor arranges), so it
    /// names no injury unit; and its numbers are the country's, each one a tap-to-call link.
    /// </summary>
    [Fact]
    public void EveryCountrysRouteNamesNoInjuryUnitAndLinksItsNumbers()
    {
        foreach (var country in CountryTable.Default.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(country.OutOfHours), $"{country.Code} has no out-of-hours route");
            foreach (var words in new[] { "minor injur", "minor-injury", "injury unit", "urgent treatment centre", "injury clinic" })
            {
                Assert.DoesNotContain(words, country.OutOfHours, StringComparison.OrdinalIgnoreCase);
            }

            var html = ServiceText.For(country).Encode("Be seen today (NHS 111 or an urgent GP appointment).");
            var numbers = country.Numbers.Where(number => country.OutOfHours.Contains(number, StringComparison.Ordinal));
            foreach (var number in numbers)
            {
                Assert.Contains($"href=\"tel:{number.Replace(" ", "", StringComparison.Ordinal)}\"", html, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The route is in the action's first line, and in no other line: one action, not two.</summary>
    private static void AssertTheActionCarriesTheRoute(HtmlPage page, string linesSelector, string expected, string code)
    {
        var lines = page.Document.QuerySelectorAll(linesSelector).Select(line => Normalise(line.TextContent)).ToList();
        Assert.True(lines.Count > 0, $"{page.Url} for {code}: no action lines at '{linesSelector}'");
        Assert.Equal(Normalise(expected), lines[0]);
        Assert.All(lines.Skip(1), line => Assert.DoesNotContain(CountryOf(code).OutOfHours, line, StringComparison.Ordinal));
    }
}
