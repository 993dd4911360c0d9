using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// Every page of the check, as shown and as shown again with errors, has unique ids and no
/// reference to a missing one: otherwise a screen reader announces the wrong hint, or none. The
/// steps come from the loaded knowledge base, so a step the knowledge base adds is checked too.
/// </summary>
public sealed class UniqueIdTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task EveryPageOfTheCheckHasUniqueIdsAndNoDanglingReferences()
    {
        var steps = factory.Services.GetRequiredService<KnowledgeBase>().Steps;
        var pages = (await CheckPages.CollectAsync(factory)).Select(p => HtmlPage.Parse(p.Name, p.Html)).ToList();

        var problems = pages.SelectMany(IdReferences.Problems).ToList();
        Assert.True(pages.Count >= steps.Count + 5, $"only {pages.Count} pages were checked");
        Assert.True(problems.Count == 0, "Id problems:\n" + string.Join('\n', problems));
    }
}
