using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Data;
using KneeTriage.Web.Submission;

namespace KneeTriage.Web.Progress;

/// <summary>
/// A stored result read back as the engine's types, for comparing two checks: the answers as
/// stored and the assessment exactly as it was shown (never recomputed, so an older check keeps
/// the urgency and causes its runner saw even after the knowledge base changed).
/// </summary>
public static class StoredCheck
{
    public static AnswerSet AnswersOf(StoredAssessment record) => AnswersJson.Deserialize(record.AnswersJson);

    /// <summary>A result stored before v1.2 has its disposition and bands derived with <paramref name="knowledgeBase"/>.</summary>
    public static Assessment AssessmentOf(StoredAssessment record, KnowledgeBase knowledgeBase)
    {
        var result = StoredResultJson.Deserialize(record.ResultJson);
        var reading = StoredResultReading.Of(result, knowledgeBase);
        return new Assessment
        {
            Urgency = result.Urgency,
            Disposition = reading.Disposition,
            KnowledgeBaseVersion = result.KnowledgeBaseVersion,
            RedFlags = [.. result.RedFlags.Select(f => new RedFlag { Id = f.Id, Urgency = f.Urgency, Message = f.Message, Finding = f.Finding ?? WarningFinding.Of(f.Message) })],
            LikelyCauses = [.. result.LikelyCauses.Select((c, i) => new LikelyCause
            {
                Id = c.Id,
                Name = c.Name,
                Probability = c.Probability,
                ReasonsFor = c.ReasonsFor,
                ReasonsAgainst = c.ReasonsAgainst,
                LearnMore = c.LearnMore,
                Band = reading.Bands[i],
            })],
            Advice = new Advice
            {
                DoNow = result.DoNow,
                SelfCare = [.. result.SelfCare.Select(a => new CauseAdvice { ConditionId = a.ConditionId, ConditionName = a.ConditionName, Steps = a.Steps })],
                ComeBackIf = result.ComeBackIf,
                ToldNotToRun = result.TellsNotToRun(knowledgeBase),
            },
        };
    }
}
