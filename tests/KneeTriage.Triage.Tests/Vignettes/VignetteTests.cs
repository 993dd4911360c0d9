using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Validation;
using Xunit.Abstractions;

namespace KneeTriage.Triage.Tests.Vignettes;

/// <summary>
/// The development vignettes (copied from ../shared/vignettes/dev.json) and the team's own
/// (written from clinical-notes.md) run through the engine. Safety is absolute; urgency and
/// top-3 must reach 90%.
/// </summary>
public sealed class VignetteTests(ITestOutputHelper output)
{
    private static readonly TriageEngine Engine = new(ShippedKnowledgeBase.Instance);

    public static TheoryData<string> Fixtures => new() { "vignettes-dev.json", "vignettes-team.json" };

    private List<VignetteScore> Score(string fixture)
    {
        var scores = Vignette.ReadFixture(fixture).Select(v => new VignetteScore(v, Engine.Assess(v.Answers))).ToList();
        foreach (var score in scores)
        {
            output.WriteLine((score.Safe && score.UrgencyAccepted && (score.InTop3 || !score.Ranked) ? "ok    " : "MISS  ") + score.Describe());
        }

        output.WriteLine($"{fixture}: {VignetteScore.Shares(scores)}");
        return scores;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EveryVignetteIsValidInput(string fixture)
    {
        var validator = new AnswerSetValidator(ShippedKnowledgeBase.Instance);
        foreach (var vignette in Vignette.ReadFixture(fixture))
        {
            var result = validator.Validate(vignette.Answers);
            Assert.True(result.IsValid, $"{vignette.Id}: {string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"))}");
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void NoVignetteIsTriagedBelowItsSafetyFloor(string fixture)
    {
        var unsafeCases = Score(fixture).Where(s => !s.Safe).Select(s => s.Describe()).ToList();

        Assert.True(unsafeCases.Count == 0, "Under-triaged:\n" + string.Join("\n", unsafeCases));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void AtLeastNinetyPercentGetAnAcceptedUrgency(string fixture)
    {
        var scores = Score(fixture);

        Assert.True(scores.Count(s => s.UrgencyAccepted) >= 0.9 * scores.Count, "Urgency outside the accepted levels:\n" + string.Join("\n", scores.Where(s => !s.UrgencyAccepted).Select(s => s.Describe())));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void AtLeastNinetyPercentHaveAnExpectedCauseInTheTopThree(string fixture)
    {
        var ranked = Score(fixture).Where(s => s.Ranked).ToList();

        Assert.True(ranked.Count(s => s.InTop3) >= 0.9 * ranked.Count, "Expected cause not in the top three:\n" + string.Join("\n", ranked.Where(s => !s.InTop3).Select(s => s.Describe())));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ACaseThatExpectsNoCauseListsNone(string fixture)
    {
        var listed = Score(fixture).Where(s => !s.Ranked && s.Assessment.LikelyCauses.Count > 0).Select(s => s.Describe()).ToList();

        Assert.True(listed.Count == 0, "Causes listed where none is expected:\n" + string.Join("\n", listed));
    }
}
