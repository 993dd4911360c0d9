using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Unsure;

namespace KneeTriage.Triage.Tests.Unsure;

/// <summary>"Not sure" is read the cautious way: yes for a yes/no question, the most cautious option for a tick-box one.</summary>
public sealed class UnsureAnswersTests
{
    private static readonly KnowledgeBase KnowledgeBase = ShippedKnowledgeBase.Instance;
    private static readonly TriageEngine Engine = new(KnowledgeBase);

    [Fact]
    public void NotSureOnAYesOrNoQuestionIsYes()
    {
        var answers = UnsureAnswers.WithCautiousAnswers(KnowledgeBase, SampleAnswers.Calm.Without("fever"), ["fever"]);

        Assert.True(answers.IsTrue("fever"));
        Assert.Equal(Urgency.SeeClinician, Engine.Assess(answers).Urgency);
    }

    [Fact]
    public void NotSureOnTheFootRaisesWhatAColdFootRaises()
    {
        var answers = UnsureAnswers.WithCautiousAnswers(KnowledgeBase, SampleAnswers.Calm, ["foot-signs"]);

        Assert.Equal(["cold-or-pale"], answers.Choices("foot-signs"));
        Assert.Equal(Urgency.Emergency, Engine.Assess(answers).Urgency);
    }

    [Fact]
    public void NotSureOnTheFootBesideAnEmergencyDepartmentActionCalls()
    {
        // A hot knee with diabetes already sends the runner to an emergency department; a cold or pale
        // foot would make it a call to the emergency number, a more urgent action at the same level.
        var hotKnee = SampleAnswers.Calm.With("hot-red-knee", true).WithList("infection-risk", "diabetes-or-weak-immunity");
        Assert.Equal(Disposition.GoToEmergencyDepartment, Engine.Assess(hotKnee).Disposition);

        var answers = UnsureAnswers.WithCautiousAnswers(KnowledgeBase, hotKnee, ["foot-signs"]);

        Assert.Equal(["cold-or-pale"], answers.Choices("foot-signs"));
        Assert.Equal(Disposition.CallEmergencyNumber, Engine.Assess(answers).Disposition);
    }

    [Fact]
    public void NotSureKeepsWhatWasTickedAndAddsTheMostCautiousOfTheRest()
    {
        var answers = UnsureAnswers.WithCautiousAnswers(KnowledgeBase, SampleAnswers.Calm.WithList("foot-signs", "weak-foot"), ["foot-signs"]);

        Assert.Equal(["weak-foot", "cold-or-pale"], answers.Choices("foot-signs"));
    }

    [Fact]
    public void TheMostCautiousCalfSignDependsOnTheOtherAnswers()
    {
        // With no injury, a swollen calf alone is a same-day scan (v1.1's unexplained calf swelling).
        var noInjury = UnsureAnswers.WithCautiousAnswers(KnowledgeBase, SampleAnswers.Calm, ["calf-signs"]);
        Assert.Equal(["swollen"], noInjury.Choices("calf-signs"));
        Assert.Equal(Urgency.Urgent, Engine.Assess(noInjury).Urgency);

        // After a twist a swollen calf asks only for a clinician in the coming days, but a hot one is
        // seen today (hot-red-calf-after-injury), so "not sure" counts the calf as hot.
        var afterTwist = UnsureAnswers.WithCautiousAnswers(KnowledgeBase, SampleAnswers.Calm.With("injury", "twist"), ["calf-signs"]);
        Assert.Equal(["warm"], afterTwist.Choices("calf-signs"));
        Assert.Equal(Urgency.Urgent, Engine.Assess(afterTwist).Urgency);
    }

    [Fact]
    public void NothingIsMadeUpWhenNoOptionRaisesTheUrgency()
    {
        // Locked already raises same-day care; no other movement of the knee raises more.
        var answers = SampleAnswers.Calm.WithList("mechanical", "locking");

        Assert.Equal(["locking"], UnsureAnswers.WithCautiousAnswers(KnowledgeBase, answers, ["mechanical"]).Choices("mechanical"));
    }

    [Fact]
    public void NotSureFollowsTheLoadedRulesNotAFixedList()
    {
        // With a clot risk, any calf sign is urgent even after an injury: the first such sign in file order.
        var answers = UnsureAnswers.WithCautiousAnswers(KnowledgeBase, SampleAnswers.Calm.With("injury", "twist").WithList("clot-risk", "long-travel"), ["calf-signs"]);

        Assert.Equal(["swollen"], answers.Choices("calf-signs"));
        Assert.Equal(Urgency.Urgent, Engine.Assess(answers).Urgency);
    }

    [Fact]
    public void NotSureNeverLowersTheUrgency()
    {
        foreach (var answers in new AnswerSetGenerator(KnowledgeBase, 7).Generate(300))
        {
            var before = Engine.Assess(answers).Urgency;
            foreach (var id in KnowledgeBase.WarningQuestionIds)
            {
                if (answers.GetValueOrDefault(id) is BooleanAnswer { Value: false })
                {
                    continue;
                }

                var after = Engine.Assess(UnsureAnswers.WithCautiousAnswers(KnowledgeBase, answers, [id])).Urgency;
                Assert.True(after >= before, $"not sure on {id} lowered {before} to {after}");
            }
        }
    }

    [Fact]
    public void TheUnsureListMustNameWarningQuestionsOnce()
    {
        var problems = UnsureCheck.Problems(KnowledgeBase, SampleAnswers.Calm.Without("fever"), ["age", "no-such-question", "fever", "fever"]);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("'fever' is listed more than once", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("'age' is not a warning question", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("'no-such-question' is not a question of this symptom check", StringComparison.Ordinal));
    }

    [Fact]
    public void AYesOrNoQuestionCannotBeNotSureAndAnsweredNo()
    {
        var problem = Assert.Single(UnsureCheck.Problems(KnowledgeBase, SampleAnswers.Calm, ["fever"]));

        Assert.Contains("'fever' is listed as not sure but answered false", problem, StringComparison.Ordinal);
        Assert.Empty(UnsureCheck.Problems(KnowledgeBase, SampleAnswers.Calm.With("fever", true), ["fever"]));
        Assert.Empty(UnsureCheck.Problems(KnowledgeBase, SampleAnswers.Calm.Without("fever"), ["fever", "calf-signs"]));
    }
}
