namespace KneeTriage.Web.Boards;

/// <summary>The addresses a board's ids open. Each id in them is a capability: see LogPrivacy and Security for how they are kept out of logs and rate-limited.</summary>
public static class BoardUrls
{
    public static string Board(string boardId) => $"/boards/{boardId}";

    public static string Join(string joinId) => $"/join/{joinId}";

    /// <summary>
    /// The join id in what a runner pasted: the whole join link (with or without the site's address)
    /// or the id alone. Null when it holds no well-formed id; whether it names a board is asked later.
    /// </summary>
    public static string? JoinIdIn(string? pasted)
    {
        var text = pasted?.Trim() ?? string.Empty;
        var marker = text.LastIndexOf("/join/", StringComparison.OrdinalIgnoreCase);
        var id = marker < 0 ? text : text[(marker + "/join/".Length)..];
        id = id.Split('?', '#')[0].TrimEnd('/');
        return Data.ShareToken.IsWellFormed(id) ? id : null;
    }
}
