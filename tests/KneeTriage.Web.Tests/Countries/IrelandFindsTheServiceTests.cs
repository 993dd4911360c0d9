using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.Countries;

/// <summary>
/// A tester's runner in Ireland sent to an emergency department was given no way to find the nearest
/// one, and the HSE's list of GP out-of-hours services was plain text. Both are the HSE's own finders,
/// linked within the action (plain links, like the footer's sources: nothing loaded from another
/// site); the UK's action keeps its words.
/// </summary>
public sealed class IrelandFindsTheServiceTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private const string EmergencyDepartments = "https://www2.hse.ie/services/find-an-emergency-department/";
    private const string OutOfHours = "https://www2.hse.ie/services/find-a-gp-out-of-hours-service/";

    [Fact]
    public async Task TheEmergencyDepartmentActionLinksTheHsesListOfEmergencyDepartments()
    {
        var client = await CountryViewer.ChoosingAsync(factory, "IE");
        var page = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers.With("hot-red-knee", "yes").With("fever", "yes"));

        Assert.Equal("/check/emergency", page.Url);
        var action = page.Document.QuerySelector(".interruption-action li")!;
        Assert.StartsWith("Go to an emergency department now. Find the nearest one in the HSE's list of emergency departments.", Normalise(action.TextContent), StringComparison.Ordinal);
        var link = action.QuerySelector($"a[href='{EmergencyDepartments}']");
        Assert.True(link is not null, $"no link to the HSE's emergency departments in: {action.InnerHtml}");
        Assert.Equal("the HSE's list of emergency departments", link.TextContent);
    }

    [Fact]
    public async Task TheSameDayActionLinksTheHsesListOfOutOfHoursServices()
    {
        var client = await CountryViewer.ChoosingAsync(factory, "IE");
        var page = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers.With("hot-red-knee", "yes"));

        Assert.Equal("/check/urgent", page.Url);
        var action = page.Document.QuerySelector(".interruption-action li")!;
        var link = action.QuerySelector($"a[href='{OutOfHours}']");
        Assert.True(link is not null, $"no link to the HSE's GP out-of-hours services in: {action.InnerHtml}");
        Assert.Equal("the HSE's list of GP out-of-hours services", link.TextContent);
    }

    [Fact]
    public async Task TheUksEmergencyDepartmentActionKeepsItsWords()
    {
        var client = await CountryViewer.ChoosingAsync(factory, "GB");
        var page = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers.With("hot-red-knee", "yes").With("fever", "yes"));

        var action = page.Document.QuerySelector(".interruption-action li")!;
        Assert.Equal("Go to an emergency department (A&E) now.", Normalise(action.TextContent));
        Assert.Empty(action.QuerySelectorAll("a"));
    }
}
