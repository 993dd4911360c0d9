using System.Net;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Questionnaire;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// Every page of the symptom check as a runner meets it, for tests that check all of them: the
/// start, each step of the loaded knowledge base as shown and, where it stays on the step, as shown
/// again after an empty submit (with its errors), check your answers, the result as the runner and
/// as a coach sees it, the emergency and urgent interruptions, and the steps whose questions depend on
/// earlier answers (after an injury, after a foot sign).
/// </summary>
public static class CheckPages
{
    public static async Task<IReadOnlyList<(string Name, string Html)>> CollectAsync(RateLimitsOffAppFactory factory)
    {
        var client = factory.CreatePlainClient();
        var pages = new List<(string, string)> { ("check", await client.GetStringAsync(QuestionnaireFlow.StartUrl)) };
        foreach (var step in factory.Services.GetRequiredService<KnowledgeBase>().Steps)
        {
            var url = QuestionnaireFlow.StepUrl(step);
            var page = await HtmlPage.LoadAsync(client, url);
            pages.Add(($"step-{step.Id}", await client.GetStringAsync(url)));
            using var empty = await CheckForm.SubmitAsync(client, page, new Dictionary<string, string[]>());
            if (empty.StatusCode == HttpStatusCode.OK)
            {
                // A step whose questions may all be left out moves on instead.
                pages.Add(($"step-{step.Id}-errors", await empty.Content.ReadAsStringAsync()));
            }
        }

        await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers);
        pages.Add(("review", await client.GetStringAsync(QuestionnaireFlow.ReviewUrl)));
        var result = await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers);
        pages.Add(("result-runner", await client.GetStringAsync(result)));
        pages.Add(("result-coach", await factory.CreatePlainClient().GetStringAsync(result)));

        // Check again: the filled-in step and review of a follow-up, then both results with their progress.
        var resultPage = await HtmlPage.LoadAsync(client, result);
        using (var started = await CheckForm.SubmitAsIsAsync(client, resultPage, ".result-check-again form"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        }

        pages.Add(("step-follow-up", await client.GetStringAsync(QuestionnaireFlow.StepUrl(factory.Services.GetRequiredService<KnowledgeBase>().Steps[0]))));
        await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers.With("pain-severity", "6"));
        pages.Add(("review-follow-up", await client.GetStringAsync(QuestionnaireFlow.ReviewUrl)));
        var followUp = await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers.With("pain-severity", "6"));
        pages.Add(("result-progress-runner", await client.GetStringAsync(followUp)));
        pages.Add(("result-progress-coach", await factory.CreatePlainClient().GetStringAsync(followUp)));
        pages.Add(("result-progress-earlier", await factory.CreatePlainClient().GetStringAsync(result)));
        pages.Add(("my-results", await client.GetStringAsync("/my-results")));
        pages.Add(("my-results-empty", await factory.CreatePlainClient().GetStringAsync("/my-results")));

        var emergencyClient = factory.CreatePlainClient();
        await CheckForm.AnswerEveryStepAsync(emergencyClient, CheckForm.SelfCareAnswers.With("breathless-or-chest-pain", "yes"));
        pages.Add(("emergency", await emergencyClient.GetStringAsync(QuestionnaireFlow.EmergencyUrl)));

        var urgentClient = factory.CreatePlainClient();
        await CheckForm.AnswerEveryStepAsync(urgentClient, CheckForm.SelfCareAnswers.With("four-steps-now", "no"));
        pages.Add(("urgent", await urgentClient.GetStringAsync(QuestionnaireFlow.UrgentUrl)));

        // The walking step after an injury (both four-steps parts and the straight-leg lift) and the
        // pain step after a foot sign (bladder and both legs shown at once).
        var injuredClient = factory.CreatePlainClient();
        await CheckForm.AnswerEveryStepAsync(injuredClient, CheckForm.SelfCareAnswers.With("injury", "twist").With("foot-signs", "numb-or-tingling"));
        pages.Add(("step-walking-after-injury", await injuredClient.GetStringAsync("/check/walking")));
        pages.Add(("step-pain-after-foot-sign", await injuredClient.GetStringAsync("/check/pain")));
        return pages;
    }
}
