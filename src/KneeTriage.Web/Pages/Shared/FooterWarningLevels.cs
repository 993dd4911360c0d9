using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.WarningSigns;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace KneeTriage.Web.Pages.Shared;

/// <summary>
/// The warning levels the footer of every page lists (warning-signs.yaml), most urgent first, and
/// the check's start page with them. Many symptoms sit at two levels ("a hot knee" today, "a hot knee
/// with a fever" now; "calf signs with a higher clot risk" today, breathlessness with them now), and
/// walkers looking for leave to wait stopped at the gentler line, whose words matched theirs best. So
/// the emergency lines always come first, and a same-day line below them says it holds only when none
/// of their signs is there. The same-day signs come split by where they are seen
/// (<see cref="WarningSignActions"/>): a doctor's line, then the injuries'.
/// </summary>
public static class FooterWarningLevels
{
    /// <param name="Urgency">The level of the group the signs come from.</param>
    /// <param name="Action">The one action these signs lead to, with its heading, advice and signs.</param>
    /// <param name="OnlyWithoutTheSignsAbove">
    /// The lead of a level listed below a more urgent one, or below the doctor's same-day line
    /// (warning-signs.yaml's "If you have none of the signs above:"); null for the first of a level.
    /// </param>
    public sealed record Level(Urgency Urgency, WarningSignAction Action, string? OnlyWithoutTheSignsAbove);

    /// <summary>
    /// The emergency and urgent levels, most urgent action first; beside a page's own action, none
    /// under a gentler one (<see cref="PageAction.ListsSignsBeside"/>). Beside a page that sends the
    /// runner to a doctor today, every same-day sign is listed under that doctor's words: the footer
    /// never sends the runner somewhere the page does not, and a runner with signs of both goes to the
    /// doctor, who sees both.
    /// </summary>
    public static IReadOnlyList<Level> For(ViewDataDictionary viewData, KnowledgeBase knowledge)
    {
        var lead = knowledge.WarningSignsFor(Urgency.Urgent)?.ByService?.OnlyWithoutTheSignsAbove;
        var listed = knowledge.WarningSigns
            .Where(group => group.Urgency >= Urgency.Urgent)
            .SelectMany(group => (viewData.LeadsWithADoctorToday() ? group.Actions.Select(action => BesideADoctorToday(group, action)) : WarningSignActions.Of(group, knowledge))
                .Select(action => (group.Urgency, Action: action)))
            .Where(level => viewData.ListsSignsBeside(level.Action.Disposition))
            .ToList();
        return [.. listed.Select((level, index) => new Level(level.Urgency, level.Action,
            listed.Take(index).Any(above => above.Urgency > level.Urgency || above.Action.Disposition == level.Action.Disposition) ? lead : null))];
    }

    /// <summary>Every same-day sign under the doctor's words, beside a page whose action is a doctor today.</summary>
    private static WarningSignAction BesideADoctorToday(WarningSignGroup group, WarningSignAction action) =>
        action.Disposition == Disposition.SameDay && group.ByService is { } words
            ? action with { Heading = words.DoctorHeading, Advice = words.DoctorAdvice }
            : action;
}
