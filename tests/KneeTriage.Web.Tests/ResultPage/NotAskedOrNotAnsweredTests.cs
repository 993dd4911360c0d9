using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Data;
using KneeTriage.Web.Submission;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Progress;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// A question without an answer is in one of two states, each with one phrase wherever it shows:
/// "Not asked" when the check's branching skipped it (the bladder question with no back pain and no
/// foot sign, the straight-leg lift with no injury), "Not answered" when it was asked and left blank.
/// Before, a skipped question read "Not answered" on the result and a blank one "Not asked" in the
/// clinician summary: the same question, two stories.
/// </summary>
public sealed class NotAskedOrNotAnsweredTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private KnowledgeBase KnowledgeBase => factory.Services.GetRequiredService<KnowledgeBase>();

    private static Dictionary<string, string> ResultAnswers(HtmlPage page) =>
        page.Document.QuerySelectorAll(".answer-summary .summary-list-row").ToDictionary(
            row => row.QuerySelector("dt")!.TextContent.Trim(),
            row => row.QuerySelector("dd")!.TextContent.Trim());

    private static Dictionary<string, string> ClinicianAnswers(HtmlPage page) =>
        page.Document.QuerySelectorAll(".clinician-warnings li").ToDictionary(
            li => li.QuerySelector(".clinician-question")!.TextContent.Trim(),
            li => li.QuerySelector(".clinician-answer")!.TextContent.Trim());

    [Fact]
    public async Task ASkippedQuestionIsNotAskedAndABlankOneNotAnsweredOnTheResultAndInTheClinicianSummaryAlike()
    {
        // v1 answers: no back pain and no foot sign, so the check skips the bladder question; the hip
        // question is asked of everyone, and this client left it out.
        var (id, _, _) = await FollowUpApiTests.CreateAsync(factory.CreatePlainClient(), ApiClient.ValidAnswers());
        var page = await HtmlPage.LoadAsync(factory.CreatePlainClient(), $"/results/{id}");
        var result = ResultAnswers(page);
        var clinician = ClinicianAnswers(page);

        Assert.Equal(AnswerDescriptions.NotAsked, result[KnowledgeBase.FindQuestion("bladder-or-saddle")!.Text]);
        Assert.Equal(AnswerDescriptions.NotAsked, clinician["New saddle numbness, or new bladder or bowel trouble"]);
        Assert.Equal(AnswerDescriptions.NotAnswered, result[KnowledgeBase.FindQuestion("hip-or-groin-pain")!.Text]);
        Assert.Equal(AnswerDescriptions.NotAnswered, clinician["Hip, groin or front-of-thigh pain, or a new limp"]);
        Assert.Equal(AnswerDescriptions.NotAsked, result[KnowledgeBase.FindQuestion("swelling-onset")!.Text]);
    }

    [Fact]
    public async Task AQuestionTheFormNeverShowedIsNotAskedOnTheResult()
    {
        var client = factory.CreatePlainClient();
        // No injury: the form never shows the straight-leg lift.
        var page = await HtmlPage.LoadAsync(client, await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers));

        var result = ResultAnswers(page);

        Assert.Equal(AnswerDescriptions.NotAsked, result[KnowledgeBase.FindQuestion("cannot-lift-straight-leg")!.Text]);
        Assert.Equal("Not asked", ClinicianAnswers(page)["Could lift the straight leg, after an injury"]);
    }

    [Fact]
    public async Task AResultStoredWhenASkippedQuestionSaidNotAnsweredNowSaysNotAsked()
    {
        var (id, _, _) = await FollowUpApiTests.CreateAsync(factory.CreatePlainClient(), ApiClient.ValidAnswers());
        var record = await factory.Services.GetRequiredService<AssessmentStore>().FindByTokenAsync(id, CancellationToken.None);
        var now = StoredResultJson.Deserialize(record!.ResultJson);
        // As stored before skipped questions were told apart: "Not answered" on the bladder question.
        var stored = now with { Answers = [.. now.Answers.Select(l => l.QuestionId == "bladder-or-saddle" ? l with { Answer = AnswerDescriptions.NotAnswered } : l)] };
        var token = await StoredResultsAsWritten.StoreAsync(factory.Services, stored);

        var page = await HtmlPage.LoadAsync(factory.CreatePlainClient(), $"/results/{token}");

        Assert.Equal(AnswerDescriptions.NotAsked, ResultAnswers(page)[KnowledgeBase.FindQuestion("bladder-or-saddle")!.Text]);
        Assert.Equal(AnswerDescriptions.NotAsked, ClinicianAnswers(page)["New saddle numbness, or new bladder or bowel trouble"]);
        Assert.Equal(AnswerDescriptions.NotAnswered, ResultAnswers(page)[KnowledgeBase.FindQuestion("hip-or-groin-pain")!.Text]);
    }
}
