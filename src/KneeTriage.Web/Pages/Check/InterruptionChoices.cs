namespace KneeTriage.Web.Pages.Check;

/// <summary>
/// The words of a warning page's two ways on (<c>_InterruptionChoices</c>), below its one action.
/// Walkers looking for leave to wait read "I understand: carry on with the check", the page's only
/// button, as "keep going and see", and "I answered by mistake: change my answer" as a way to turn
/// a "not sure" into a "no". So carrying on says it is optional and does not soften the action, and is styled
/// as a link, never as a button beside the action; changing an answer says it is for a mistake only.
/// </summary>
public static class InterruptionChoices
{
    /// <summary>
    /// "Less urgent", not "change", as on the later pages (<see cref="ActionStillStands"/>): a later
    /// answer can still make it more urgent, and the check says so at once.
    /// </summary>
    public const string CarryOn = "Carry on with the check (it will not make this less urgent)";

    public const string ChangeAnswer = "Change an answer you gave by mistake";

    /// <summary>Why "not sure" stays: the check reads it the cautious way, and a guessed "no" could hide the sign.</summary>
    public const string KeepNotSure =
        "Use this only if you pressed the wrong answer. If you chose \u201cNot sure\u201d, keep \u201cNot sure\u201d: the check reads it the cautious way, to be safe. Changing it to \u201cNo\u201d does not make the sign go away.";
}
