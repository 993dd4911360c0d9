using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// Walk 18: a runner with arthritis in a hot knee was told "be seen today" after the hot-knee step,
/// and reached "go to an emergency department now" only at step 9, where the check asked about
/// arthritis and the other infection risks. They are asked beside the hot knee and the fever now,
/// so the first interruption is already the emergency one (contract v1.2: "the check says so at once").
/// </summary>
public sealed class InfectionRisksBesideTheHotKneeTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Theory]
    [InlineData("history", "arthritis")]
    [InlineData("infection-risk", "diabetes-or-weak-immunity")]
    public async Task AHotKneeWithAnInfectionRiskInterruptsWithTheEmergencyAtOnce(string question, string risk)
    {
        using var client = factory.CreatePlainClient();
        var answers = CheckForm.SelfCareAnswers.With("hot-red-knee", "yes").With(question, risk);

        var firstInterruption = await CheckForm.AnswerEveryStepAsync(client, answers);

        Assert.EndsWith("/check/emergency", firstInterruption.Url, StringComparison.Ordinal);
    }
}
