using KneeTriage.Web.Countries;
using KneeTriage.Web.Tests.Countries;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// A tester's runner in Ireland with a hot knee, no injury and no fever (a possible joint
/// infection) was told to be seen today at "your GP, a GP out-of-hours service or an injury unit",
/// on the urgent page, the result and the footer; injury units see broken bones and sprains. A
/// same-day action raised by a sign that is not an injury names a doctor the same day, on the
/// warning page, the result and the footer beside each, in every country.
/// </summary>
public sealed class NotAnInjuryGoesToADoctorTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private static readonly string[] InjuryPlaces = ["injury unit", "minor injur", "urgent treatment centre"];

    /// <summary>Answers that raise a same-day sign that is not an injury, by the sign.</summary>
    private static readonly Dictionary<string, IReadOnlyDictionary<string, string[]>> Stories = new(StringComparer.Ordinal)
    {
        // A hot knee, no fever, no injury: a possible joint infection.
        ["hot-knee"] = CheckForm.SelfCareAnswers.With("hot-red-knee", "yes"),
        // A swollen knee with a fever: a possible joint infection, not red.
        ["swollen-knee-with-fever"] = CheckForm.SelfCareAnswers.With("swelling", "whole-knee").With("swelling-onset", "gradual").With("fever", "yes"),
    };

    public static TheoryData<string, string> StoriesByCountry()
    {
        var data = new TheoryData<string, string>();
        foreach (var code in new[] { "IE", "GB", "US" })
        {
            data.Add(code, "hot-knee");
        }

        data.Add("IE", "swollen-knee-with-fever");
        return data;
    }

    [Theory]
    [MemberData(nameof(StoriesByCountry))]
    public async Task TheWarningPageTheResultAndTheirFootersNameADoctorAndNoInjuryUnit(string code, string story)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var doctor = CountryTable.Default.Find(code).SameDayDoctor;

        var warning = await CheckForm.AnswerEveryStepAsync(client, Stories[story]);
        Assert.Equal("/check/urgent", warning.Url);
        var result = await HtmlPage.LoadAsync(client, await CheckForm.CompleteCheckAsync(client, Stories[story]));

        foreach (var (page, action) in new[] { (warning, ".interruption-action li"), (result, ".urgency-banner .do-now-list li") })
        {
            var line = Normalise(page.Document.QuerySelector(action)?.TextContent ?? "");
            Assert.StartsWith($"Be seen by a doctor today ({doctor}).", line, StringComparison.Ordinal);
            var footer = Normalise(page.Document.QuerySelector("footer [data-action='same-day'] .warning-level-advice")?.TextContent ?? "");
            Assert.Contains($"({doctor})", footer, StringComparison.Ordinal);
            foreach (var words in InjuryPlaces)
            {
                Assert.False(line.Contains(words, StringComparison.OrdinalIgnoreCase), $"{page.Url}'s action for a {story} in {code} names \"{words}\": {line}");
                Assert.False(footer.Contains(words, StringComparison.OrdinalIgnoreCase), $"{page.Url}'s footer for a {story} in {code} names \"{words}\": {footer}");
            }
        }
    }

    /// <summary>
    /// The footer of every page without a doctor's action (the guide, home, the check, an injury's
    /// result) lists the same-day signs that are not injuries (a hot knee, calf signs) under the
    /// doctor's words, and names injury units only beside the injury signs.
    /// </summary>
    [Theory]
    [InlineData("IE", "/article/introduction")]
    [InlineData("IE", "/")]
    [InlineData("GB", "/article/causes")]
    [InlineData("US", "/check")]
    public async Task TheFooterListsAHotKneeUnderADoctorNotBesideAnInjuryUnit(string code, string path)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var page = await HtmlPage.LoadAsync(client, path);
        var country = CountryTable.Default.Find(code);

        var levels = page.Document.QuerySelectorAll("footer [data-action='same-day']")
            .Select(level => (Signs: level.QuerySelectorAll(".sign-list li").Select(sign => Normalise(sign.TextContent)).ToList(), Advice: Normalise(level.QuerySelector(".warning-level-advice")?.TextContent ?? "")))
            .ToList();
        var hotKnee = levels.Single(level => level.Signs.Contains("a hot knee (red or not)"));
        var fourSteps = levels.Single(level => level.Signs.Contains("cannot take four steps"));

        Assert.Contains($"Be seen by a doctor today ({country.SameDayDoctor}).", hotKnee.Advice, StringComparison.Ordinal);
        Assert.Contains(hotKnee.Signs, sign => sign.StartsWith("a swollen calf", StringComparison.Ordinal));
        foreach (var words in InjuryPlaces)
        {
            Assert.False(hotKnee.Advice.Contains(words, StringComparison.OrdinalIgnoreCase), $"{path}'s footer in {code} lists a hot knee beside \"{words}\": {hotKnee.Advice}");
        }

        Assert.Contains($"({country.SameDayCare})", fourSteps.Advice, StringComparison.Ordinal);
    }

    /// <summary>An injury sign alone (cannot take four steps after a fall) keeps the places that see injuries.</summary>
    [Fact]
    public async Task AnInjurySignAloneStillNamesThePlacesThatSeeInjuries()
    {
        var client = await CountryViewer.ChoosingAsync(factory, "IE");

        var warning = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers.With("four-steps-now", "no"));

        Assert.Equal("/check/urgent", warning.Url);
        Assert.Contains($"({CountryTable.Default.Find("IE").SameDayCare})", Normalise(warning.Document.QuerySelector(".interruption-action li")?.TextContent ?? ""), StringComparison.Ordinal);
    }
}
