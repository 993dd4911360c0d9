using System.Text.Json;
using System.Text.Json.Nodes;
using KneeTriage.BrowserTests.Infrastructure;
using KneeTriage.BrowserTests.Print;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.SymptomCheck;

/// <summary>
/// "Check again" from the API's longest case in Chromium, which silently drops a cookie over 4 KB:
/// the draft it keeps is the one the app wrote, so the check opens filled in as a follow-up.
/// Before the draft was compressed (4,708 bytes) it opened empty and joined no series.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class LongDraftInTheBrowserTests(SiteFixture site)
{
    [BrowserFact]
    public async Task CheckingAgainFromTheLongestCaseOpensFilledInAsAFollowUp()
    {
        await using var context = await site.NewContextAsync(Viewport.Desktop.ContextOptions());
        var questionnaire = JsonDocument.Parse(await (await context.APIRequest.GetAsync("/api/questionnaire")).TextAsync()).RootElement;
        var body = new JsonObject { ["answers"] = LongestCase.Answers(questionnaire, 0) }.ToJsonString();
        var response = await context.APIRequest.PostAsync("/api/assessments", new() { Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" }, Data = body });
        var created = JsonDocument.Parse(await response.TextAsync()).RootElement;
        Assert.True(response.Status == 201, $"The longest case was answered {response.Status}");
        var id = created.GetProperty("id").GetString()!;
        // The browser that made it holds its delete key, as a result made on the form gives it.
        await context.AddCookiesAsync([new Cookie { Name = "kt-delete-key", Value = created.GetProperty("deleteKey").GetString()!, Domain = site.RootUri.Host, Path = $"/results/{id}" }]);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/results/{id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Check again" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(SymptomCheckForm.At("/check/warning-signs"));
        await page.GotoAsync("/check/pain");
        await Assertions.Expect(page.Locator(".follow-up-note")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("input[name=pain-location][value=below-back]")).ToBeCheckedAsync();
        var cookies = await context.CookiesAsync([new Uri(site.RootUri, "/check/pain").ToString()]);
        Assert.Contains(cookies, c => c.Name == "kt-check-draft");
    }
}
