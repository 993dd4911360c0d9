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
/// as a coach sees it, and the emergency advice.
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

        var emergencyClient = factory.CreatePlainClient();
        await CheckForm.AnswerEveryStepAsync(emergencyClient, CheckForm.SelfCareAnswers.With("breathless-or-chest-pain", "yes"));
        pages.Add(("emergency", await emergencyClient.GetStringAsync(QuestionnaireFlow.EmergencyUrl)));
        return pages;
    }
}
