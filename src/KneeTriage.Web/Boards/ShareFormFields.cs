namespace KneeTriage.Web.Boards;

/// <summary>What the "share with a coach's board" form shows: the result, what was typed, and what was wrong with it.</summary>
public sealed record ShareFormFields(string Token, string? JoinLink = null, string? DisplayName = null, string? JoinLinkError = null, string? DisplayNameError = null, bool ShowResult = false);

/// <summary>The box a runner ticks to let the coach open the full result; <paramref name="InputId"/> is unique on its page.</summary>
public sealed record ShowResultChoice(string InputId, bool Checked);

/// <summary>A button that copies the text field <paramref name="TargetId"/> (boards.js shows it where the clipboard works) and what it says once done.</summary>
public sealed record CopyButton(string TargetId, string Label, string Done);
