using KneeTriage.Triage.Answers;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using KneeTriage.Web.Tests.ResultPage;

namespace KneeTriage.Web.Tests.Clinician;

/// <summary>
/// The clinician summary reads back what the runner said, no more: a box that covers two things
/// says so ("not said which"), never "History of this knee: arthritis" as a fact of
/// this knee for a runner with psoriatic arthritis; and a question asked the positive way round is
/// read back positively ("Could take four steps now: Yes"), never "Unable to …: No".
/// </summary>
public sealed class ReadBackAsSaidTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private async Task<Dictionary<string, string>> SummaryLinesAsync(IReadOnlyDictionary<string, string[]> answers)
    {
        var client = factory.CreatePlainClient();
        var result = await HtmlPage.LoadAsync(client, await CheckForm.CompleteCheckAsync(client, answers));
        var lines = result.Document.QuerySelectorAll("details.clinician-summary .clinician-warnings li").Select(li => PageText.Normalise(li.TextContent)).ToList();
        Assert.DoesNotContain(lines, line => line.Contains("Unable", StringComparison.Ordinal));
        return lines.ToDictionary(line => line[..line.IndexOf(':', StringComparison.Ordinal)], line => line, StringComparer.Ordinal);
    }

    [Fact]
    public async Task ABoxThatCoversTwoThingsIsReadBackSayingTheRunnerDidNotSayWhich()
    {
        var lines = await SummaryLinesAsync(CheckForm.SelfCareAnswers.With("history", "arthritis").With("infection-risk", "diabetes-or-weak-immunity"));

        Assert.Equal("History: arthritis in this knee or in many joints (not said which)", lines["History"]);
        Assert.Equal("Infection risks: diabetes or a weak immune system (not said which)", lines["Infection risks"]);
    }

    [Fact]
    public async Task FourStepsAndTheStraightLegLiftAreReadBackPositively()
    {
        var lines = await SummaryLinesAsync(CheckForm.SelfCareAnswers.With("injury", "twist").With("onset", "sudden")
            .With("four-steps-now", "yes").With("four-steps-after-injury", "yes").With("straight-leg-lift", "yes"));

        Assert.Equal("Could take four steps now: Yes; straight after the injury: Yes", lines["Could take four steps now"]);
        Assert.Equal("Could lift the straight leg, after an injury: Yes", lines["Could lift the straight leg, after an injury"]);
    }

    // Walk 23: a runner with no injury is asked only "Can you take four steps on this leg now?", and
    // read back "Could take four steps, now and straight after any injury: Yes", a part never asked.
    [Fact]
    public async Task ARunnerWithNoInjuryIsReadBackOnlyTheFourStepsAskedOfThem()
    {
        var lines = await SummaryLinesAsync(CheckForm.SelfCareAnswers.With("injury", "none").With("four-steps-now", "yes"));

        Assert.True(lines.ContainsKey("Could take four steps now"), $"No line 'Could take four steps now' among: {string.Join(" | ", lines.Values)}");
        Assert.Equal("Could take four steps now: Yes", lines["Could take four steps now"]);
    }

    [Fact]
    public async Task AResultFromTheApiWithNoInjuryIsReadBackOnlyTheFourStepsTheFormWouldAsk()
    {
        var (_, page) = await ResultPosting.PostAndLoadAsync(factory.CreatePlainClient(), RuleRaisingAnswers.Calm, "no injury, through the API");
        var lines = page.Document.QuerySelectorAll("details.clinician-summary .clinician-warnings li").Select(li => PageText.Normalise(li.TextContent)).ToList();

        Assert.Contains("Could take four steps now: Yes", lines);
        Assert.DoesNotContain(lines, line => line.Contains("straight after", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AResultFromTheApiAfterAnInjuryKeepsBothPartsInItsLabel()
    {
        var (_, page) = await ResultPosting.PostAndLoadAsync(factory.CreatePlainClient(), RuleRaisingAnswers.Calm.With("injury", new TextAnswer("twist")), "a twist, through the API");
        var lines = page.Document.QuerySelectorAll("details.clinician-summary .clinician-warnings li").Select(li => PageText.Normalise(li.TextContent)).ToList();

        Assert.Contains("Could take four steps, now and straight after any injury: Yes", lines);
    }

    [Fact]
    public async Task ARunnerWhoCouldNotLiftTheLegReadsNoAndTheLineIsMarkedAsASign()
    {
        var client = factory.CreatePlainClient();
        var answers = CheckForm.SelfCareAnswers.With("injury", "twist").With("onset", "sudden").With("straight-leg-lift", "no");
        var result = await HtmlPage.LoadAsync(client, await CheckForm.CompleteCheckAsync(client, answers));

        var line = result.Document.QuerySelectorAll("details.clinician-summary .clinician-warnings li")
            .Single(li => li.TextContent.Contains("Could lift the straight leg", StringComparison.Ordinal));

        Assert.Equal("Could lift the straight leg, after an injury: No", PageText.Normalise(line.TextContent));
        Assert.Contains("clinician-sign", line.ClassList);
    }
}
