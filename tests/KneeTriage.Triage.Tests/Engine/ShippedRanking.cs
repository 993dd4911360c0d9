using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Validation;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>
/// The ranking a runner would see from the shipped knowledge base, for the tests that state one
/// clinical fact each as "this cause ranks first" (<c>DistinguishingCauses*Tests</c>). An answer set
/// the validator refuses fails the test, so no fact is stated over answers the form cannot send.
/// </summary>
internal static class ShippedRanking
{
    public static TriageEngine Engine { get; } = new(ShippedKnowledgeBase.Instance);

    private static readonly AnswerSetValidator Validator = new(ShippedKnowledgeBase.Instance);

    /// <summary>The likely causes' ids, most likely first.</summary>
    public static List<string> Ranked(AnswerSet answers)
    {
        var validation = Validator.Validate(answers);
        Assert.True(validation.IsValid, "The answers themselves are invalid: " + string.Join("; ", validation.Errors.Select(e => e.ErrorMessage)));
        return [.. Engine.Assess(answers).LikelyCauses.Select(c => c.Id)];
    }

    public static void AssertFirst(string expected, AnswerSet answers)
    {
        var ranked = Ranked(answers);
        Assert.True(ranked.Count > 0 && ranked[0] == expected, $"Expected {expected} first, got: {string.Join(", ", ranked)}");
    }
}
