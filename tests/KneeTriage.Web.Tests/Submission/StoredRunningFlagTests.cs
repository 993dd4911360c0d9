using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Submission;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Submission;

/// <summary>
/// "Do not run" is kept with a stored result as the engine's flag, so a later rewording of the
/// knowledge base cannot bring the plan to run again back beside it; results stored before the flag
/// are read from their words.
/// </summary>
public sealed class StoredRunningFlagTests
{
    private static readonly KnowledgeBase KnowledgeBase = ShippedKnowledgeBase.Instance;

    /// <summary>A step the shipped knowledge base marks stopsRunning, as the ligament card words it.</summary>
    private static string StopStep => KnowledgeBase.Conditions.SelectMany(c => c.SelfCareSteps).First(step => step.StopsRunning).Words;

    [Fact]
    public void TheStoredFlagDecidesWhateverTheWordsSay()
    {
        Assert.True(ResultWith(["Rest from running for a few days."], toldNotToRun: true).TellsNotToRun(KnowledgeBase),
            "a result stored as telling the runner not to run, in words this knowledge base no longer marks, offered a plan to run");
        Assert.False(ResultWith([StopStep], toldNotToRun: false).TellsNotToRun(KnowledgeBase),
            "a result stored without a stop line was read as one because its words are marked today");
    }

    [Fact]
    public void AResultStoredBeforeTheFlagIsReadFromItsWords()
    {
        Assert.True(ResultWith([StopStep], toldNotToRun: null).TellsNotToRun(KnowledgeBase));
        Assert.False(ResultWith(["Rest from running for a few days."], toldNotToRun: null).TellsNotToRun(KnowledgeBase));
    }

    [Fact]
    public void ANewResultKeepsTheEnginesFlag()
    {
        var told = new Assessment
        {
            Urgency = Urgency.SelfCare,
            Disposition = Disposition.SelfCare,
            KnowledgeBaseVersion = "test",
            RedFlags = [],
            LikelyCauses = [],
            Advice = new Advice { DoNow = [], SelfCare = [], ComeBackIf = [], ToldNotToRun = true },
        };

        Assert.True(StoredResult.From(told, []).ToldNotToRun);
        Assert.False(StoredResult.From(told with { Advice = told.Advice with { ToldNotToRun = false } }, []).ToldNotToRun);
    }

    private static StoredResult ResultWith(IReadOnlyList<string> steps, bool? toldNotToRun) => new()
    {
        Urgency = Urgency.SelfCare,
        SeeClinician = false,
        KnowledgeBaseVersion = "test",
        RedFlags = [],
        LikelyCauses = [],
        DoNow = [],
        SelfCare = [new StoredCauseAdvice { ConditionId = "test", ConditionName = "Test", Steps = steps }],
        ComeBackIf = [],
        Answers = [],
        ToldNotToRun = toldNotToRun,
    };
}
