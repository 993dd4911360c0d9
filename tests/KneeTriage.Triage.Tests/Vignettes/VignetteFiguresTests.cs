using KneeTriage.Triage.Engine;

namespace KneeTriage.Triage.Tests.Vignettes;

/// <summary>
/// What the README's vignette table states, pinned: each set's size, and its first-cause count as a
/// floor (a better model may raise it; the README and these floors are raised together). And the
/// one reading of a case's accepted levels that the tests and ../shared/tools/check-vignettes share:
/// listed lowest first, the first being the safety floor.
/// </summary>
public sealed class VignetteFiguresTests
{
    private static readonly TriageEngine Engine = new(ShippedKnowledgeBase.Instance);

    /// <summary>The README's "Vignette scores" table: cases, cases that expect a cause, and "top 1" (first cause).</summary>
    public static TheoryData<string, int, int, int> ReadmeFigures => new()
    {
        { "vignettes-dev.json", 22, 21, 21 },
        { "vignettes-team.json", 39, 38, 37 },
        { "vignettes-blind.json", 40, 40, 40 },
        { "vignettes-blind2.json", 40, 40, 39 },
        { "vignettes-blind3.json", 40, 40, 40 },
        { "vignettes-blind4.json", 40, 39, 39 },
        { "vignettes-team-v1.2.json", 13, 13, 13 },
        { "vignettes-blind5.json", 60, 60, 59 },
        { "vignettes-blind6.json", 74, 74, 72 },
        { "vignettes-blind7.json", 69, 69, 69 },
        { "vignettes-blind8.json", 85, 81, 74 },
        { "vignettes-blind9.json", 82, 80, 75 },
        { "vignettes-blind10.json", 84, 84, 79 },
        { "vignettes-blind11.json", 68, 67, 61 },
        { "vignettes-blind12.json", 71, 69, 67 },
        { "vignettes-blind13.json", 60, 59, 56 },
        { "vignettes-blind14.json", 30, 30, 29 },
    };

    [Theory]
    [MemberData(nameof(ReadmeFigures))]
    public void EachSetHasTheReadmesNumberOfCases(string fixture, int cases, int expectingACause, int firstCause)
    {
        var vignettes = Vignette.ReadFixture(fixture);

        Assert.Equal(cases, vignettes.Count);
        Assert.Equal(expectingACause, vignettes.Count(v => v.ExpectedCauses.Count > 0));
        Assert.InRange(firstCause, 0, expectingACause);
    }

    [Theory]
    [MemberData(nameof(ReadmeFigures))]
    public void EachSetRanksThePrimaryCauseFirstAtLeastAsOftenAsTheReadmeStates(string fixture, int cases, int expectingACause, int firstCause)
    {
        var scores = Vignette.ReadFixture(fixture).Select(v => new VignetteScore(v, Engine.Assess(v.Answers))).ToList();

        var first = scores.Count(s => s.Top1);

        Assert.Equal(cases, scores.Count);
        Assert.True(
            first >= firstCause,
            $"{fixture}: the primary cause is first in {first}/{expectingACause}, below the README's {firstCause}:\n"
            + string.Join("\n", scores.Where(s => s.Ranked && !s.Top1).Select(s => s.Describe())));
    }

    [Theory]
    [MemberData(nameof(ReadmeFigures))]
    public void EachCaseListsItsAcceptedLevelsLowestFirstWithoutRepeats(string fixture, int cases, int expectingACause, int firstCause)
    {
        _ = (cases, expectingACause, firstCause);
        var outOfOrder = Vignette.ReadFixture(fixture)
            .Where(v => v.AcceptedUrgency.Count == 0 || !v.AcceptedUrgency.Zip(v.AcceptedUrgency.Skip(1)).All(pair => pair.First < pair.Second))
            .Select(v => $"{v.Id}: {string.Join(", ", v.AcceptedUrgency.Select(u => u.ToContractId()))}")
            .ToList();

        Assert.True(outOfOrder.Count == 0, $"{fixture}: accepted levels must be listed lowest first (the first is the safety floor):\n" + string.Join("\n", outOfOrder));
    }
}
