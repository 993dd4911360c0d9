using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.Countries;

/// <summary>
/// Walk 23: on the page that said "call 999" (and "go to A&amp;E now"), the footer's "Where the
/// numbers come from" listed sources for NHS 111, physiotherapy, urgent treatment centres and minor
/// injuries units, which a runner hoping to wait read as gentler places to go. Beside an emergency
/// action the box cites only the emergency number; every other page keeps every source.
/// </summary>
public sealed class SourcesBesideAnEmergencyTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Theory]
    [InlineData("GB", "999", "physiotherapy")]
    [InlineData("US", "911", "physical therapist")]
    [InlineData("IE", "112 or 999", "injury units")]
    public async Task BesideAnEmergencyTheSourcesCiteOnlyTheEmergencyNumber(string code, string number, string gentler)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);

        var page = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers.With("breathless-or-chest-pain", "yes"));

        Assert.Equal("/check/emergency", page.Url);
        var sources = page.Document.QuerySelectorAll(".country-sources li").Select(li => Normalise(li.TextContent)).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.Contains(number, source, StringComparison.Ordinal));
        Assert.DoesNotContain(sources, source => source.Contains(gentler, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GB", "physiotherapy")]
    [InlineData("US", "physical therapist")]
    public async Task AwayFromAnEmergencyEverySourceIsCited(string code, string service)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);

        var home = await client.GetStringAsync("/");

        Assert.Contains(service, home, StringComparison.Ordinal);
    }
}
