using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Countries;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace KneeTriage.Web.Pages.Shared;

/// <summary>
/// The one action a page leads with (a result, the check's warning page, or a step after the
/// runner carried on past one), told to the layout so the footer says nothing gentler beside it
/// (contract v1.2: one action per result). Walkers read "if you are worried, see a GP or a
/// physiotherapist" under "be seen today" as leave to wait.
/// </summary>
public static class PageAction
{
    private const string Key = "KneeTriage.PageAction";

    /// <summary>Said by a page whose action is set; stays on every page: no page can examine the runner.</summary>
    public const string FollowTheAction = "Follow the action at the top of this page.";

    /// <summary>
    /// Called by a page that leads with <paramref name="disposition"/>'s action. <paramref name="actionLine"/>
    /// is the action as the page words it (its first line from advice.yaml, a line's whenRaised words
    /// included), when the page shows one: for a same-day action, the service it names (ServiceText
    /// knows each by its phrase, whatever the sentence around it) is the one the footer names too.
    /// </summary>
    public static void SetPageAction(this ViewDataDictionary viewData, Disposition disposition, string? actionLine = null) =>
        viewData[Key] = new Led(disposition, disposition == Disposition.SameDay && actionLine is not null ? ServiceText.SameDayServiceNamedIn(actionLine) : null);

    /// <summary>
    /// Whether "see a GP or a physiotherapist if worried or not better" fits the page: no action
    /// (the guide, the check's steps before any warning), or one that leaves time to wait (self-care, an appointment).
    /// </summary>
    public static bool LeavesTimeToSeeAGp(this ViewDataDictionary viewData) =>
        viewData[Key] is not Led led || led.Disposition.LeavesTimeToCheckAgain();

    /// <summary>
    /// Whether the footer lists the warning signs whose action is <paramref name="signsAction"/>:
    /// on a page with an action, only those of the same or a more urgent one. Walk 14: under "go to
    /// A&amp;E now" a runner found her own signs again in the footer's "get seen today" list, and
    /// read it as a choice.
    /// </summary>
    public static bool ListsSignsBeside(this ViewDataDictionary viewData, Disposition signsAction) =>
        viewData[Key] is not Led led || signsAction >= led.Disposition;

    /// <summary>
    /// Whether the page leads with a same-day action that names a doctor (a sign that is not an
    /// injury: a possible clot, whose scan an injury unit cannot arrange, a hot knee; advice.yaml's
    /// whenRaised rules choose that action's words): the footer's same-day signs then share the
    /// doctor's line (<see cref="FooterWarningLevels"/>), so the footer never sends the runner
    /// somewhere the page does not. Chosen by the service, not by finding the page's sentence in the
    /// footer's: that broke without a sound whenever either file's words changed.
    /// </summary>
    public static bool LeadsWithADoctorToday(this ViewDataDictionary viewData) =>
        viewData[Key] is Led { Disposition: Disposition.SameDay, SameDay: SameDayService.Doctor };

    /// <summary>Whether the page leads with an emergency (call the emergency number, or go to an emergency department now).</summary>
    public static bool LeadsWithAnEmergency(this ViewDataDictionary viewData) =>
        viewData[Key] is Led { Disposition: Disposition.GoToEmergencyDepartment or Disposition.CallEmergencyNumber };

    /// <param name="SameDay">For a same-day action, the service its line names; null for any other action or none named.</param>
    private sealed record Led(Disposition Disposition, SameDayService? SameDay);
}
