using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.WarningSigns;

/// <summary>
/// The actions a level's signs lead to, as every page that lists them shows them (the footer, the
/// check's start page, the guide): the group's own (an emergency's "call 999", then "go to an
/// emergency department"), with the same-day signs split by where they are seen. First those whose
/// rules send the runner to a doctor (advice.yaml's <c>whenRaised</c> rules of the same-day action:
/// a possible clot, a hot knee...), under the doctor's words; then the injury signs, under the
/// group's advice, which names injury units. A tester's runner with a hot knee found "an injury unit"
/// beside it in the footer, and one with a hot calf after a calf pull on the check's start page. The
/// doctor's line comes first, since a runner with signs of both goes to the doctor (as the result's
/// action does). The one place the split is made: a page never words it itself.
/// </summary>
public static class WarningSignActions
{
    /// <summary>The group's actions, most pressing first, the same-day one split by where its signs are seen.</summary>
    public static IReadOnlyList<WarningSignAction> Of(WarningSignGroup group, KnowledgeBase knowledge) =>
        [.. group.Actions.SelectMany(action => action.Disposition == Disposition.SameDay && group.ByService is { } words
            ? ByService(action, words, knowledge)
            : [action])];

    private static IEnumerable<WarningSignAction> ByService(WarningSignAction sameDay, SameDayByServiceWords words, KnowledgeBase knowledge)
    {
        var doctorRules = DoctorRules(knowledge);
        var doctor = sameDay.Signs.Where(sign => sign.Rules.Any(doctorRules.Contains)).ToList();
        var injury = sameDay.Signs.Where(sign => !doctor.Contains(sign)).ToList();
        if (doctor.Count > 0)
        {
            yield return sameDay with { Signs = doctor, Heading = words.DoctorHeading, Advice = words.DoctorAdvice };
        }

        if (injury.Count > 0)
        {
            yield return sameDay with { Signs = injury, Heading = doctor.Count > 0 ? words.InjuryHeading : sameDay.Heading };
        }
    }

    /// <summary>The same-day rules whose action is a doctor today (advice.yaml's first same-day line, its <c>whenRaised</c>).</summary>
    private static IReadOnlyList<string> DoctorRules(KnowledgeBase knowledge) =>
        knowledge.Advice.ActionLines.TryGetValue(Disposition.SameDay, out var lines) && lines.Count > 0 && lines[0].WhenRaised is { } raised
            ? raised.Rules
            : [];
}
