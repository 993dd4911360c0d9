using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// Walk 18: a runner back from a long flight, calf swollen, who had coughed up a little blood but was
/// not breathless and had no chest pain, answered every question truthfully and was told "be seen
/// today": nothing asked about blood, a sign that a clot has reached the lung as the other two are
/// (clinical-notes 2.4). The breathlessness question now asks it as a part of its own.
/// </summary>
public sealed class CoughedUpBloodTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task CoughingUpBloodAloneIsACallToTheEmergencyNumber()
    {
        using var client = factory.CreateClient();
        var answers = CheckForm.SelfCareAnswers
            .With("newly-breathless", "no")
            .With("chest-pain", "no")
            .With("coughed-up-blood", "yes");

        var form = await HtmlPage.LoadAsync(client, "/check/warning-signs");
        using var response = await CheckForm.SubmitAsync(client, form, answers);
        var html = await response.Content.ReadAsStringAsync();

        // The first step's own answer interrupts the check with the emergency call, at once (the
        // interruption page, not the next step), naming the sign.
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"interruption-change\"", html, StringComparison.Ordinal);
        Assert.Contains("coughing up blood", PageText.Normalise(html), StringComparison.Ordinal);
    }
}
