using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Pages.Check;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.ResultPage;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// A story whose signs come in the order the steps ask them: a 60-year-old on warfarin who fell
/// was told "urgent" at the injury step and "emergency" only at the swelling step (the blood
/// thinner is asked beside the swelling it bleeds into). The first interruption must not read as
/// the last word: it says the next questions may raise it, and the emergency then interrupts too.
/// </summary>
public sealed class InterruptionMayRiseTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task ARunnerOnABloodThinnerWhoFellIsToldAtTheUrgentStepThatLaterQuestionsMayRaiseIt()
    {
        var knowledgeBase = factory.Services.GetRequiredService<KnowledgeBase>();
        var story = RuleRaisingAnswers.Calm
            .With("age", new NumberAnswer(60))
            .With("injury", new TextAnswer("blow-or-fall"))
            .With("onset", new TextAnswer("sudden"))
            .With("duration", new TextAnswer("under-3-days"))
            .With("swelling", new ListAnswer(["whole-knee"]))
            .With("swelling-onset", new TextAnswer("within-2-hours"))
            .With("blood-thinners", new BooleanAnswer(true));
        var plan = FormPlan.From(knowledgeBase, story);
        var client = factory.CreatePlainClient();

        var first = await CheckForm.AnswerEveryStepAsync(client, plan);
        Assert.Equal("/check/urgent", first.Url);
        Assert.Equal(UrgentModel.LaterQuestionsMayRaiseIt, first.Document.QuerySelector(".interruption-may-rise")?.TextContent.Trim());

        using var carryOn = await CheckForm.SubmitAsIsAsync(client, first, "main form");
        var next = await CheckForm.AnswerEveryStepAsync(client, plan, carryOn.Headers.Location!.OriginalString);
        Assert.Equal("/check/emergency", next.Url);
        Assert.Null(next.Document.QuerySelector(".interruption-may-rise"));
    }
}
