using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Questionnaire;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// Every page of the check, as shown and as shown again with errors, has unique ids and no
/// reference to a missing one: otherwise a screen reader announces the wrong hint, or none. The
/// steps come from the loaded knowledge base, so a step the knowledge base adds is checked too.
/// </summary>
public sealed class UniqueIdTests(CheckAppFactory factory) : IClassFixture<CheckAppFactory>
{
    [Fact]
    public async Task EveryPageOfTheCheckHasUniqueIdsAndNoDanglingReferences()
    {
        var client = factory.CreatePlainClient();
        var steps = factory.Services.GetRequiredService<KnowledgeBase>().Steps;
        var pages = new List<HtmlPage> { await HtmlPage.LoadAsync(client, QuestionnaireFlow.StartUrl) };
        foreach (var step in steps)
        {
            var page = await HtmlPage.LoadAsync(client, QuestionnaireFlow.StepUrl(step));
            pages.Add(page);
            // Sent empty: the same step with the error summary and a message beside every question.
            using var empty = await CheckForm.SubmitAsync(client, page, new Dictionary<string, string[]>());
            pages.Add(HtmlPage.Parse(page.Url + " (errors)", await empty.Content.ReadAsStringAsync()));
        }

        pages.Add(await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers));
        var result = await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers);
        pages.Add(await HtmlPage.LoadAsync(client, result));
        var emergencyClient = factory.CreatePlainClient();
        pages.Add(await CheckForm.AnswerEveryStepAsync(emergencyClient, CheckForm.SelfCareAnswers.With("breathless-or-chest-pain", "yes")));

        var problems = pages.SelectMany(IdReferences.Problems).ToList();
        Assert.True(pages.Count >= 2 * steps.Count + 4, $"only {pages.Count} pages were checked");
        Assert.True(problems.Count == 0, "Id problems:\n" + string.Join('\n', problems));
    }
}
