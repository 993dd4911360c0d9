using System.Text.RegularExpressions;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>
/// The reasons for and against a cause are phrased about the condition and never contradict what
/// the runner said. Issue 22 found "What points away from it: these symptoms settle at rest" shown
/// to a runner whose pain began at rest: the reason meant the condition's symptoms, but read as the
/// runner's own. Checked over generated runners and over the reasons as written.
/// </summary>
public sealed partial class ReasonsAgreeWithAnswersTests
{
    private const int Seed = 20261207;

    private static readonly KnowledgeBase KnowledgeBase = ShippedKnowledgeBase.Instance;
    private static readonly TriageEngine Engine = new(KnowledgeBase);

    /// <summary>"These symptoms", "the symptoms": whose? A reader takes them for their own.</summary>
    [GeneratedRegex(@"\b(these|the|such) symptoms\b", RegexOptions.IgnoreCase)]
    private static partial Regex VagueSubject();

    /// <summary>A claim that something settles or eases with rest.</summary>
    [GeneratedRegex(@"\b(settles?|settled|eases?|eased|goes away)\b[^.;]*\brest\b", RegexOptions.IgnoreCase)]
    private static partial Regex SettlesAtRest();

    [GeneratedRegex(@"\bpain at rest\b", RegexOptions.IgnoreCase)]
    private static partial Regex NamesPainAtRest();

    [GeneratedRegex(@"\byour pain\b", RegexOptions.IgnoreCase)]
    private static partial Regex YourPain();

    /// <summary>What in this reason contradicts these answers, or null.</summary>
    public static string? Contradiction(string reason, AnswerSet answers)
    {
        if (VagueSubject().IsMatch(reason))
        {
            return "it speaks of 'the symptoms' without saying whose, and reads as the runner's own";
        }

        var painAtRestOrNight = answers.Has("pain-triggers", "rest") || answers.Has("pain-triggers", "night") || answers.IsTrue("not-settling-after-run");
        if (painAtRestOrNight && SettlesAtRest().IsMatch(reason) && !NamesPainAtRest().IsMatch(reason))
        {
            return "it says the pain settles with rest to a runner in pain at rest or at night, without naming that answer";
        }

        if (answers.Choice("pain-type") == "none" && YourPain().IsMatch(reason))
        {
            return "it speaks of 'your pain' to a runner who said they have no pain";
        }

        return null;
    }

    /// <summary>Generated runners, and each with pain at rest and at night added (the family issue 22 found).</summary>
    private static IEnumerable<AnswerSet> Runners()
    {
        foreach (var answers in new AnswerSetGenerator(KnowledgeBase, Seed).Generate(1500))
        {
            yield return answers;
            if (answers.Choice("pain-type") != "none")
            {
                yield return answers.WithList("pain-triggers", [.. answers.Choices("pain-triggers").Union(["rest", "night"])]);
            }
        }
    }

    [Fact]
    public void NoShownReasonContradictsTheRunnersAnswers()
    {
        var shown = 0;
        foreach (var answers in Runners())
        {
            foreach (var cause in Engine.Assess(answers).LikelyCauses)
            {
                foreach (var reason in cause.ReasonsFor.Concat(cause.ReasonsAgainst))
                {
                    var contradiction = Contradiction(reason, answers);
                    Assert.True(contradiction is null, $"{cause.Id}: \"{reason}\": {contradiction} (answers: {string.Join(", ", answers.Select(a => $"{a.Key}={a.Value}"))}).");
                    shown++;
                }
            }
        }

        Assert.True(shown > 10_000, $"Only {shown} reasons were shown.");
    }

    [Fact]
    public void ARunnerWhosePainBeganAtRestIsNotToldItSettlesAtRest()
    {
        // Issue 22's runner: calf cramp on effort, and pain that began at rest.
        var answers = SampleAnswers.Calm.With("age", 26).WithList("pain-location", "below-back")
            .WithList("pain-triggers", "rest", "during-run").With("calf-cramp-on-exertion", true);

        var causes = Engine.Assess(answers).LikelyCauses;
        var against = causes.Where(c => c.Id is "popliteal-artery-entrapment" or "compartment-syndrome").SelectMany(c => c.ReasonsAgainst).ToList();

        Assert.NotEmpty(against);
        Assert.All(against, reason => Assert.Null(Contradiction(reason, answers)));
    }

    [Theory]
    [InlineData("These symptoms settle at rest.")]
    [InlineData("Overload eases with rest.")]
    [InlineData("The hamstring tendons are at the back of the knee, and your pain is not there.")]
    public void TheCheckCatchesTheWordingIssue22Found(string reason)
    {
        var restingRunnerWithNoPain = SampleAnswers.NoPain.WithList("pain-triggers", "rest");

        Assert.NotNull(Contradiction(reason, restingRunnerWithNoPain));
    }

    [Fact]
    public void NoReasonAsWrittenSpeaksOfTheSymptomsWithoutSayingWhose()
    {
        var reasons = KnowledgeBase.Evidence.Select(e => e.Reason)
            .Concat(KnowledgeBase.WarningRules.SelectMany(r => r.PointsTo).Select(p => p.Reason));

        Assert.DoesNotContain(reasons, reason => VagueSubject().IsMatch(reason));
    }
}
