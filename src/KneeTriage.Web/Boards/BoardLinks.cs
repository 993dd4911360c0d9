using KneeTriage.Web.Infrastructure.SiteAddress;

namespace KneeTriage.Web.Boards;

/// <summary>
/// The addresses a board's ids open, made from the pages' own routes (LinkGenerator), so a changed
/// template changes every link with it. Each id in them is a capability: see LogPrivacy and Security
/// for how they are kept out of logs and rate-limited. Paths carry no path base, as the API's have
/// always been; Razor views link with asp-page instead.
/// </summary>
public sealed class BoardLinks(LinkGenerator links, SiteUrls site)
{
    /// <summary>The coach's private board page, whose route takes <c>boardId</c>.</summary>
    public const string BoardPage = "/Boards/Show";

    /// <summary>The page a runner opens to share with a board, whose route takes <c>joinId</c>.</summary>
    public const string JoinPage = "/Join/Show";

    public string Board(string boardId) =>
        links.GetPathByPage(BoardPage, handler: null, values: new { boardId }) ?? throw new InvalidOperationException($"The page {BoardPage} has no route for a board id.");

    public string Join(string joinId) =>
        links.GetPathByPage(JoinPage, handler: null, values: new { joinId }) ?? throw new InvalidOperationException($"The page {JoinPage} has no route for a join id.");

    /// <summary>The board page's address for the coach to keep: from Site:PublicUrl, otherwise from the request.</summary>
    public string AbsoluteBoard(HttpRequest request, string boardId) => site.Absolute(request, Board(boardId));

    /// <summary>The join link to hand to runners: from Site:PublicUrl, otherwise from the request.</summary>
    public string AbsoluteJoin(HttpRequest request, string joinId) => site.Absolute(request, Join(joinId));

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
