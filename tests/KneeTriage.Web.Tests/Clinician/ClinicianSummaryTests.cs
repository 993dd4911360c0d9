using System.Text.Json.Nodes;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Progress;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Clinician;

/// <summary>
/// Contract v1.2 "For the clinician": every result page holds a summary, collapsed, with age, side,
/// onset and duration, the disposition and why, every warning question with its answer (noes as
/// noes, "not sure" and "not asked" as such), the causes by band and the series' scores.
/// </summary>
public sealed class ClinicianSummaryTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private async Task<AngleSharp.Dom.IElement> SummaryOfAsync(string resultPath)
    {
        var page = await HtmlPage.LoadAsync(factory.CreatePlainClient(), resultPath);
        return page.Document.QuerySelector("details.clinician-summary") ?? throw new Xunit.Sdk.XunitException($"{resultPath} has no clinician summary.");
    }

    private static Dictionary<string, string> WarningAnswers(AngleSharp.Dom.IElement summary) =>
        summary.QuerySelectorAll(".clinician-warnings li").ToDictionary(
            li => li.QuerySelector(".clinician-question")!.TextContent.Trim(),
            li => li.QuerySelector(".clinician-answer")!.TextContent.Trim());

    [Fact]
    public async Task TheSummaryIsCollapsedAndNamesAgeSideInjuryOnsetAndDuration()
    {
        var answers = ApiClient.ValidAnswers();
        answers["side"] = "left";
        var (id, _, _) = await FollowUpApiTests.CreateAsync(factory.CreatePlainClient(), answers);

        var summary = await SummaryOfAsync($"/results/{id}");

        Assert.False(summary.HasAttribute("open"), "the summary should be collapsed for the runner");
        var facts = summary.QuerySelectorAll(".clinician-facts div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent);
        Assert.Equal(["Age", "Side", "Injury", "Onset", "Duration"], facts.Keys);
        Assert.StartsWith("38", facts["Age"], StringComparison.Ordinal);
        Assert.Equal("The left leg", facts["Side"]);
        Assert.Equal("none", facts["Injury"]);
        Assert.NotEqual("Not asked", facts["Onset"]);
        Assert.NotEqual("Not asked", facts["Duration"]);
    }

    // Walk 23: for a 999 nerve sign after a twist the mechanism is the first thing a clinician needs.
    [Theory]
    [InlineData("twist", "twist")]
    [InlineData("blow-or-fall", "blow or fall")]
    [InlineData("landing", "landing")]
    public async Task TheHeaderNamesTheInjuryInItsShortWords(string injury, string expected)
    {
        var answers = ApiClient.ValidAnswers();
        answers["injury"] = injury;
        var (id, _, _) = await FollowUpApiTests.CreateAsync(factory.CreatePlainClient(), answers);

        var summary = await SummaryOfAsync($"/results/{id}");

        var facts = summary.QuerySelectorAll(".clinician-facts div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent);
        Assert.True(facts.ContainsKey("Injury"), $"No injury in the header: {string.Join(", ", facts.Keys)}");
        Assert.Equal(expected, facts["Injury"]);
    }

    [Fact]
    public async Task EveryWarningQuestionIsListedWithNoesAsNoesAndUnaskedOnesAsNotAsked()
    {
        var answers = ApiClient.ValidAnswers();
        answers["fever"] = false;
        answers["calf-signs"] = new JsonArray();
        var (id, _, _) = await FollowUpApiTests.CreateAsync(factory.CreatePlainClient(), answers);
        var knowledgeBase = factory.Services.GetRequiredService<KneeTriage.Triage.Knowledge.KnowledgeBase>();
        var warningQuestions = knowledgeBase.Questions.Where(q => knowledgeBase.IsWarningQuestion(q.Id)).ToList();

        var listed = WarningAnswers(await SummaryOfAsync($"/results/{id}"));

        Assert.Equal(warningQuestions.Count, listed.Count);
        // A "no" to a question the form asks in positive parts is a no to the sign its label names.
        Assert.Equal("No", listed["Fever, shivers or unwell all over in the last few days"]);
        Assert.Equal("No: none of these", listed["Calf on the painful side"]);
        // The API's v1 answers leave out the v1.2 warning questions: this result was never asked them.
        Assert.Equal("Not asked", listed["New saddle numbness, or new bladder or bowel trouble"]);
    }

    [Theory]
    [InlineData(false, "Yes")]
    [InlineData(true, "No")]
    public async Task ASignAskedInPositivePartsIsReportedUnderAPositiveLabelSoItsAnswerIsTheRunners(bool cannotWalk, string expected)
    {
        // Walkers who could walk answered "Yes" to "Can you take four steps on this leg now?", and the
        // summary printed that "Yes" under "Unable to take four steps": a sign nobody had. Then it
        // read "Unable to take four steps: No", a double negative; now the label is positive too.
        var answers = ApiClient.ValidAnswers();
        answers["injury"] = "twist";
        answers["onset"] = "sudden";
        answers["cannot-bear-weight"] = cannotWalk;
        answers["cannot-lift-straight-leg"] = cannotWalk;
        var (id, _, _) = await FollowUpApiTests.CreateAsync(factory.CreatePlainClient(), answers);

        var listed = WarningAnswers(await SummaryOfAsync($"/results/{id}"));

        Assert.Equal(expected, listed["Could take four steps, now and straight after any injury"]);
        Assert.Equal(expected, listed["Could lift the straight leg, after an injury"]);
    }

    [Fact]
    public void EveryWarningQuestionHasAShortLabelForTheOnePageSummary()
    {
        var knowledgeBase = factory.Services.GetRequiredService<KneeTriage.Triage.Knowledge.KnowledgeBase>();

        var unlabelled = knowledgeBase.Questions
            .Where(q => knowledgeBase.IsWarningQuestion(q.Id) && KneeTriage.Web.Clinician.WarningQuestionLabels.For(q.Id) is null)
            .Select(q => q.Id)
            .ToList();

        Assert.True(unlabelled.Count == 0, $"Warning questions without a label in Clinician/WarningQuestionLabels.cs (the summary would show the runner's whole question): {string.Join(", ", unlabelled)}");
    }

    [Fact]
    public void EveryPartOfAWarningQuestionAskedInTwoOrMorePartsHasAShortLabel()
    {
        // The summary shows each part's answer under its own sign (PartAnswersReadBackTests).
        var knowledgeBase = factory.Services.GetRequiredService<KneeTriage.Triage.Knowledge.KnowledgeBase>();

        var unlabelled = knowledgeBase.Questions
            .Where(q => knowledgeBase.IsWarningQuestion(q.Id) && q.Parts.Count > 1)
            .SelectMany(q => q.Parts)
            .Where(part => KneeTriage.Web.Clinician.WarningQuestionLabels.ForPart(part.Id) is null)
            .Select(part => part.Id)
            .ToList();

        Assert.True(unlabelled.Count == 0, $"Parts without a label in Clinician/WarningQuestionLabels.cs (the summary would show the runner's whole question): {string.Join(", ", unlabelled)}");
    }

    [Fact]
    public async Task TickedBoxesAreNamedInShortWords()
    {
        var answers = ApiClient.ValidAnswers();
        answers["foot-signs"] = new JsonArray("cold-or-pale", "weak-foot");
        var (id, _, _) = await FollowUpApiTests.CreateAsync(factory.CreatePlainClient(), answers);

        var listed = WarningAnswers(await SummaryOfAsync($"/results/{id}"));

        Assert.Equal("cold or pale, weak foot", listed["Foot on the painful side"]);
    }

    /// <summary>
    /// The clot risk "hormones-or-pregnancy" covers the pill, HRT, a pregnancy or a recent birth; its
    /// value read as words ("hormones or pregnancy") left out the pill and the birth. Its short label
    /// (questions.yaml) says what it covers.
    /// </summary>
    [Fact]
    public async Task ATickedBoxWithAShortLabelIsReadBackByIt()
    {
        var answers = ApiClient.ValidAnswers();
        answers["calf-signs"] = new JsonArray("swollen");
        answers["clot-risk"] = new JsonArray("hormones-or-pregnancy", "long-travel");
        var (id, _, _) = await FollowUpApiTests.CreateAsync(factory.CreatePlainClient(), answers);

        var listed = WarningAnswers(await SummaryOfAsync($"/results/{id}"));

        Assert.Equal("the pill, HRT, pregnancy or a recent birth, long travel", listed["Clot risks"]);
    }

    /// <summary>
    /// Walkers' summary said "Infection risks: No: none of these" beside "go to an emergency
    /// department now" raised by a hot knee with arthritis, which the runner ticked under the knee's
    /// history: the rules count that arthritis as an infection risk, so the risk line names it.
    /// </summary>
    [Fact]
    public async Task AnInfectionRiskGivenUnderTheKneesHistoryIsNamedOnTheRiskLineNeverNone()
    {
        using var client = factory.CreatePlainClient();
        var answers = CheckForm.SelfCareAnswers.With("hot-red-knee", "yes").With("history", "arthritis").With("infection-risk", "none-of-these");

        var result = await CheckForm.CompleteCheckAsync(client, answers);
        var summary = await SummaryOfAsync(result);

        Assert.StartsWith("Emergency", summary.QuerySelector(".clinician-disposition")!.TextContent.Trim(), StringComparison.Ordinal);
        var listed = WarningAnswers(summary);
        Assert.Equal("arthritis in this knee or in many joints (not said which; ticked under History)", listed["Infection risks"]);
        Assert.Contains(summary.QuerySelectorAll(".clinician-warnings li.clinician-sign"), li => li.TextContent.Contains("Infection risks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANotSureAnswerSaysHowItWasRead()
    {
        var answers = ApiClient.ValidAnswers();
        answers["hot-red-knee"] = true;
        var body = new JsonObject { ["answers"] = answers, ["unsure"] = new JsonArray("hot-red-knee") };
        using var created = await ApiClient.PostRawAsync(factory.CreatePlainClient(), body.ToJsonString());
        var id = (await ApiClient.JsonAsync(created)).GetProperty("id").GetString();

        var listed = WarningAnswers(await SummaryOfAsync($"/results/{id}"));

        Assert.Equal("Not sure (treated as yes)", listed["Knee feels hot"]);
    }

    [Fact]
    public async Task ANotSureTickBoxAnswerIsReadAsItsMostCautiousChoiceNeverAsNone()
    {
        // A walker's "not sure" on what brings the pain on showed as "treated as: None" in the
        // summary, while the answers list said "not sure: treated as yes".
        var answers = ApiClient.ValidAnswers();
        answers["calf-signs"] = new JsonArray();
        var body = new JsonObject { ["answers"] = answers, ["unsure"] = new JsonArray("calf-signs") };
        using var created = await ApiClient.PostRawAsync(factory.CreatePlainClient(), body.ToJsonString());
        var id = (await ApiClient.JsonAsync(created)).GetProperty("id").GetString();

        var listed = WarningAnswers(await SummaryOfAsync($"/results/{id}"));

        Assert.Equal("Not sure (treated as the most cautious choice)", listed["Calf on the painful side"]);
    }

    [Fact]
    public async Task TheDispositionAndTheCausesByBandAreThoseOfTheResult()
    {
        var answers = ApiClient.ValidAnswers();
        answers["hot-red-knee"] = true;
        var (id, _, body) = await FollowUpApiTests.CreateAsync(factory.CreatePlainClient(), answers);

        var summary = await SummaryOfAsync($"/results/{id}");

        Assert.StartsWith("Urgent", summary.QuerySelector(".clinician-disposition")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotEmpty(summary.QuerySelectorAll(".clinician-list li"));
        var causes = summary.QuerySelectorAll(".clinician-causes > li").Select(li => li.TextContent).ToList();
        Assert.Equal(body.GetProperty("likelyCauses").GetArrayLength(), causes.Count);
        // Listed as the page lists them: the causes to rule out now first, in the result's order.
        var ruledOutFirst = body.GetProperty("likelyCauses").EnumerateArray().First(c => c.GetProperty("band").GetString() == "rule-out-now");
        Assert.StartsWith("To rule out now: ", causes[0].Trim(), StringComparison.Ordinal);
        Assert.Contains(ruledOutFirst.GetProperty("name").GetString()!, causes[0], StringComparison.Ordinal);
        // As on the page: beside a cause to rule out now, no gentler cause "fits your answers best"
        // (walkers read the summary's "fits best: calf strain" under a 999 result as the answer).
        Assert.Contains(causes, c => c.Trim().StartsWith("To rule out now", StringComparison.Ordinal));
        Assert.DoesNotContain(causes, c => c.Trim().StartsWith("Fits your answers best", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSeriesScoresAreListedPerCheckWithEachActivityByName()
    {
        var client = factory.CreatePlainClient();
        var (firstId, firstKey, _) = await FollowUpApiTests.CreateAsync(client, MeasuredProgressApiTests.AnswersWith(6, 5, ("Run 5 km", 2), ("Stairs", 6)));
        using var second = await FollowUpApiTests.PostFollowUpAsync(client, firstId, firstKey, MeasuredProgressApiTests.AnswersWith(4, 3, ("run 5 km", 5), ("Stairs", 7)));
        var secondId = (await ApiClient.JsonAsync(second)).GetProperty("id").GetString();

        var summary = await SummaryOfAsync($"/results/{secondId}");

        var headings = summary.QuerySelectorAll(".clinician-scores thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(["Check", "Pain in the week", "Pain the next morning", "Run 5 km", "Stairs", "Activities, average"], headings);
        var rows = summary.QuerySelectorAll(".clinician-scores tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal([["6", "5", "2", "6", "4"], ["4", "3", "5", "7", "6"]], rows);
        Assert.Contains("(this result)", summary.QuerySelector(".clinician-this-check th")!.TextContent, StringComparison.Ordinal);
    }
}
