namespace KneeTriage.Web.Boards;

/// <summary>What the "share with a coach's board" form shows: the result, what was typed, and what was wrong with it.</summary>
public sealed record ShareFormFields(string Token, string? JoinLink = null, string? DisplayName = null, string? JoinLinkError = null, string? DisplayNameError = null);
