using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Engine;

/// <summary>Chooses the advice for an urgency level and the leading causes.</summary>
internal static class AdviceWriter
{
    public static Advice Write(AdviceText text, IReadOnlyList<Condition> conditions, Urgency urgency, IReadOnlyList<LikelyCause> causes)
    {
        // With urgent or emergency, care comes first: self-care steps could read as "wait and see".
        var selfCare = urgency <= Urgency.SeeClinician
            ? causes.Take(text.SelfCareCauses).Select(cause => ForCause(conditions, cause)).ToList()
            : [];

        return new Advice
        {
            DoNow = text.DoNow.GetValueOrDefault(urgency) ?? [],
            SelfCare = selfCare,
            ComeBackIf = text.ComeBackIf,
        };
    }

    private static CauseAdvice ForCause(IReadOnlyList<Condition> conditions, LikelyCause cause) => new()
    {
        ConditionId = cause.Id,
        ConditionName = cause.Name,
        Steps = conditions.First(c => c.Id == cause.Id).SelfCare,
    };
}
