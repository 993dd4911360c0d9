using System.Text.Json;
using System.Text.Json.Nodes;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Progress;
using KneeTriage.Web.Tests.Questionnaire;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// A warning question the form asks as two or three yes/no parts, read back: the review page, the
/// result's answers and the clinician summary show what the runner said to each part (a "not sure"
/// never as "no" or as nothing; a limp alone never as hip pain), while the contract's merged answer
/// is what the engine assessed and the API gives back. A result made without its parts (the API's,
/// and every result stored before the parts were kept) keeps its one merged line.
/// </summary>
public sealed class PartAnswersReadBackTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private const string SeverePart = "Is the pain in your calf or behind your knee still severe after an hour or more of rest?";
    private const string TightCalfPart = "With your leg relaxed, does your calf feel hard or tight when you press it?";
    private const string HipPart = "Do you have pain in your hip, your groin or the front of your thigh?";
    private const string LimpPart = "Are you walking with a new limp?";
    private const string FourStepsNowPart = "Can you take four steps on this leg now?";

    /// <summary>Walks the real form with these answers, submits, and gives the runner's client and the result page.</summary>
    private async Task<(HttpClient Runner, string ResultPath, HtmlPage Review, HtmlPage Result)> WalkAsync(IReadOnlyDictionary<string, string[]> answers)
    {
        var runner = factory.CreatePlainClient();
        var review = await CheckForm.ReachReviewAsync(runner, answers);
        Assert.Equal("/check/review", review.Url);
        using var submitted = await CheckForm.SubmitAsIsAsync(runner, review, "main form.actions");
        var resultPath = submitted.Headers.Location!.OriginalString;
        return (runner, resultPath, review, await HtmlPage.LoadAsync(runner, resultPath));
    }

    /// <summary>Each row of a summary list as (question, answer), in the reader's words.</summary>
    private static List<(string Question, string Answer)> Rows(HtmlPage page, string listSelector) =>
        [.. page.Document.QuerySelectorAll($"{listSelector} .summary-list-row").Select(row => (
            PageText.Normalise(row.QuerySelector(".summary-list-key")!.TextContent),
            PageText.Normalise(row.QuerySelector(".summary-list-value")!.TextContent)))];

    private static string AnswerTo(HtmlPage page, string listSelector, string question)
    {
        var rows = Rows(page, listSelector).Where(r => r.Question == question).ToList();
        Assert.True(rows.Count == 1, $"{page.Url} should list \u201c{question}\u201d once in {listSelector}; it lists: {string.Join(" | ", Rows(page, listSelector).Select(r => $"{r.Question} = {r.Answer}"))}");
        return rows[0].Answer;
    }

    /// <summary>The clinician summary's line for a warning question, found by the start of its first label.</summary>
    private static string ClinicianLine(HtmlPage result, string startsWith)
    {
        var lines = result.Document.QuerySelectorAll("details.clinician-summary .clinician-warnings li").Select(li => PageText.Normalise(li.TextContent)).ToList();
        return lines.SingleOrDefault(l => l.StartsWith(startsWith, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"The clinician summary has no line starting \u201c{startsWith}\u201d: {string.Join(" | ", lines)}");
    }

    private static async Task<JsonElement> StoredAnswersAsync(HttpClient client, string resultPath)
    {
        using var response = await client.GetAsync($"/api/assessments/{resultPath["/results/".Length..]}");
        return (await ApiClient.JsonAsync(response)).GetProperty("answers").Clone();
    }

    [Fact]
    public async Task NotSureOnOnePartOfASignThatNeedsBothAndNoOnTheOtherIsShownAsNotSureNeverAsNo()
    {
        // A walker answered "not sure" to an hour of severe pain and "no" to a tight calf; the result's
        // answers said "No: not both of these" and the clinician summary "No": the "not sure" was gone.
        var answers = CheckForm.SelfCareAnswers.With("severe-pain-after-run", "not-sure").With("tight-calf-after-run", "no");

        var (runner, resultPath, review, result) = await WalkAsync(answers);

        Assert.Equal("Pain still severe after an hour or more of rest: Not sure; calf hard or tight when relaxed: No", ClinicianLine(result, "Pain still severe"));
        Assert.Equal("Not sure", AnswerTo(result, ".answer-summary", SeverePart));
        Assert.Equal("No", AnswerTo(result, ".answer-summary", TightCalfPart));
        // With a "no" to the tight calf the sign is absent whatever the pain, so nothing was read as yes.
        Assert.Equal("Not sure", AnswerTo(review, "#answers", SeverePart));
        // The contract's answer is unchanged: the sign needs both facts.
        Assert.False((await StoredAnswersAsync(runner, resultPath)).GetProperty("not-settling-after-run").GetBoolean());
    }

    [Fact]
    public async Task NotSureBesideAYesOnAnotherPartIsStillShown()
    {
        var answers = CheckForm.SelfCareAnswers.With("has-fever", "yes").With("shivers", "not-sure").With("unwell-all-over", "no");

        var (_, _, _, result) = await WalkAsync(answers);

        Assert.Equal("Not sure", AnswerTo(result, ".answer-summary", "In the last few days, have you had shivers?"));
        Assert.Equal("Fever: Yes; shivers: Not sure; unwell all over: No", ClinicianLine(result, "Fever"));
    }

    [Fact]
    public async Task NotSureOnAPartAskedThePositiveWayRoundIsReadAsNoEverAsYes()
    {
        // "Can you take four steps on this leg now? Not sure (treated as yes)" tells a runner the check
        // took them to be walking; it read them as unable to (the cautious answer), and says so.
        var answers = CheckForm.SelfCareAnswers.With("injury", "twist").With("onset", "sudden")
            .With("four-steps-now", "not-sure").With("four-steps-after-injury", "yes");

        var (runner, resultPath, review, result) = await WalkAsync(answers);

        Assert.Equal("Not sure (treated as no, to be safe)", AnswerTo(review, "#answers", FourStepsNowPart));
        Assert.Equal("Not sure (treated as no, to be safe)", AnswerTo(result, ".answer-summary", FourStepsNowPart));
        Assert.Equal("Yes", AnswerTo(result, ".answer-summary", "Straight after the injury, could you take four steps?"));
        Assert.Equal("Could take four steps now: Not sure; straight after the injury: Yes", ClinicianLine(result, "Could take four steps"));
        Assert.True((await StoredAnswersAsync(runner, resultPath)).GetProperty("cannot-bear-weight").GetBoolean());
    }

    [Theory]
    [InlineData("no", "yes", "Hip, groin or front-of-thigh pain: No; a new limp: Yes")]
    [InlineData("yes", "no", "Hip, groin or front-of-thigh pain: Yes; a new limp: No")]
    [InlineData("no", "not-sure", "Hip, groin or front-of-thigh pain: No; a new limp: Not sure")]
    public async Task ALimpAloneIsNeverReportedAsHipPain(string hip, string limp, string clinicianLine)
    {
        var answers = CheckForm.SelfCareAnswers.With("hip-or-groin-ache", hip).With("new-limp", limp);

        var (runner, resultPath, _, result) = await WalkAsync(answers);

        Assert.Equal(clinicianLine, ClinicianLine(result, "Hip, groin"));
        Assert.Equal(hip == "yes" ? "Yes" : "No", AnswerTo(result, ".answer-summary", HipPart));
        Assert.Equal(limp switch { "yes" => "Yes", "no" => "No", _ => "Not sure (treated as yes, to be safe)" }, AnswerTo(result, ".answer-summary", LimpPart));
        // The engine and the API keep the contract's one merged answer, under its own id.
        Assert.True((await StoredAnswersAsync(runner, resultPath)).GetProperty("hip-or-groin-pain").GetBoolean());
    }

    [Fact]
    public async Task AResultMadeWithoutItsPartsKeepsItsOneMergedLine()
    {
        // The API speaks only the merged answer, as every result stored before the parts were kept:
        // nothing tells which part gave the sign, so nothing is guessed.
        var answers = ApiClient.ValidAnswers();
        answers["hip-or-groin-pain"] = true;
        var (id, _, _) = await FollowUpApiTests.CreateAsync(factory.CreatePlainClient(), answers);

        var result = await HtmlPage.LoadAsync(factory.CreatePlainClient(), $"/results/{id}");

        Assert.Equal("Yes", AnswerTo(result, ".answer-summary", "Pain in the hip, groin or front of the thigh, or a new limp?"));
        Assert.DoesNotContain(Rows(result, ".answer-summary"), r => r.Question is HipPart or LimpPart);
        Assert.Equal("Hip, groin or front-of-thigh pain, or a new limp: Yes", ClinicianLine(result, "Hip, groin"));
    }
}
