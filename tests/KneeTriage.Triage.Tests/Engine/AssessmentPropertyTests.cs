using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Validation;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>Properties that must hold for every answer set, checked over many generated ones (fixed seed).</summary>
public sealed class AssessmentPropertyTests
{
    private const int Seed = 20261124;
    private const int Count = 2000;

    private static readonly KnowledgeBase KnowledgeBase = ShippedKnowledgeBase.Instance;
    private static readonly TriageEngine Engine = new(KnowledgeBase);

    private static IEnumerable<AnswerSet> Generated() => new AnswerSetGenerator(KnowledgeBase, Seed).Generate(Count);

    /// <summary>Every way to add one warning sign (v1.2 counts its warning questions outside the warning steps too): a yes to a warning question, or one more ticked box.</summary>
    private static IEnumerable<(string Description, AnswerSet Answers)> WithOneMoreWarningSign(AnswerSet answers)
    {
        foreach (var question in ShippedKnowledgeBase.AllWarningQuestions)
        {
            if (question.Type == QuestionType.Boolean && !answers.IsTrue(question.Id))
            {
                yield return ($"{question.Id} = yes", answers.With(question.Id, new BooleanAnswer(true)));
            }

            if (question.Type == QuestionType.Many)
            {
                var ticked = answers.Choices(question.Id);
                foreach (var option in question.Options.Where(o => !ticked.Contains(o.Value)))
                {
                    yield return ($"{question.Id} + {option.Value}", answers.With(question.Id, new ListAnswer([.. ticked, option.Value])));
                }
            }
        }
    }

    [Fact]
    public void GeneratedAnswerSetsAreValidSoThePropertiesTestRealInput()
    {
        var validator = new AnswerSetValidator(KnowledgeBase);

        foreach (var answers in Generated().Take(300))
        {
            var result = validator.Validate(answers);
            Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
        }
    }

    [Fact]
    public void AddingAWarningSignNeverLowersTheUrgency()
    {
        var checkedPairs = 0;
        foreach (var answers in Generated().Take(400))
        {
            var before = Engine.Assess(answers).Urgency;
            foreach (var (description, more) in WithOneMoreWarningSign(answers))
            {
                var after = Engine.Assess(more).Urgency;
                Assert.True(after >= before, $"Adding {description} lowered the urgency from {before.ToContractId()} to {after.ToContractId()}.");
                checkedPairs++;
            }
        }

        Assert.True(checkedPairs > 5000, $"Only {checkedPairs} pairs were checked; the generator is too narrow.");
    }

    [Fact]
    public void ProbabilitiesLieBetweenZeroAndOneSumToAtMostOneAndComeSorted()
    {
        foreach (var answers in Generated())
        {
            var causes = Engine.Assess(answers).LikelyCauses;

            Assert.True(causes.Count <= 5, $"{causes.Count} causes listed; at most five are allowed.");
            Assert.All(causes, c => Assert.InRange(c.Probability, 0.0, 1.0));
            Assert.True(causes.Sum(c => c.Probability) <= 1.0 + 1e-9, $"Probabilities sum to {causes.Sum(c => c.Probability)}.");
            Assert.Equal(causes.OrderByDescending(c => c.Probability).Select(c => c.Id), causes.Select(c => c.Id));
            Assert.Equal(causes.Count, causes.Select(c => c.Id).Distinct().Count());
        }
    }

    [Fact]
    public void TheSameAnswersAlwaysGiveTheSameAssessment()
    {
        var fresh = new TriageEngine(KnowledgeBaseLoader.Load(ShippedKnowledgeBase.Directory));

        foreach (var answers in Generated().Take(500))
        {
            var first = Describe(Engine.Assess(answers));
            Assert.Equal(first, Describe(Engine.Assess(answers)));
            Assert.Equal(first, Describe(fresh.Assess(AnswerSet.From(answers.Reverse()))));
        }
    }

    [Fact]
    public void SeeClinicianIsTrueExactlyWhenTheUrgencyIsNotSelfCareAndMatchesTheHighestFlag()
    {
        foreach (var answers in Generated())
        {
            var assessment = Engine.Assess(answers);

            Assert.Equal(assessment.Urgency != Urgency.SelfCare, assessment.SeeClinician);
            Assert.Equal(assessment.RedFlags.Count == 0 ? Urgency.SelfCare : assessment.RedFlags.Max(f => f.Urgency), assessment.Urgency);
        }
    }

    [Fact]
    public void EveryListedCauseLinksToItsArticleSectionAndExplainsItself()
    {
        foreach (var answers in Generated().Take(500))
        {
            foreach (var cause in Engine.Assess(answers).LikelyCauses)
            {
                Assert.Equal($"/article/causes#{cause.Id}", cause.LearnMore);
                Assert.True(cause.ReasonsFor.Count + cause.ReasonsAgainst.Count > 0 || cause.Probability < 0.5, $"{cause.Id} at {cause.Probability} gives no reason.");
            }
        }
    }

    private static string Describe(Assessment a) =>
        $"{a.Urgency}|{string.Join(",", a.RedFlags.Select(f => f.Id))}|" +
        string.Join(";", a.LikelyCauses.Select(c => $"{c.Id}:{c.Probability:R}:{string.Join("/", c.ReasonsFor)}:{string.Join("/", c.ReasonsAgainst)}")) +
        $"|{string.Join("/", a.Advice.DoNow)}|{string.Join("/", a.Advice.SelfCare.Select(s => s.ConditionId))}|{a.KnowledgeBaseVersion}";
}
