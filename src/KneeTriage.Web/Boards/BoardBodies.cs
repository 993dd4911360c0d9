using KneeTriage.Triage.Engine;
using KneeTriage.Web.Progress;
using KneeTriage.Web.ResultPage;

namespace KneeTriage.Web.Boards;

/// <summary>POST /api/boards.</summary>
public sealed record CreateBoardRequest(string Name);

/// <summary>The 201 answer to POST /api/boards: the only answer that ever holds the board's delete key.</summary>
public sealed record CreatedBoardBody(string Id, string BoardUrl, string JoinUrl, string JoinId, string Name, string DeleteKey);

/// <summary>GET /api/boards/{id}: the athletes who need a clinician first, then newest first; never answers.</summary>
public sealed record BoardBody(string Id, string Name, IReadOnlyList<AthleteBody> Athletes)
{
    public static BoardBody From(BoardView board) => new(
        board.Id,
        board.Name,
        [.. board.Athletes.Select(a => new AthleteBody(a.ShareId, a.DisplayName, LatestCheckBody.From(a.Latest), [.. a.Series.Select(c => SeriesEntryBody.From(c.Entry))]))]);
}

public sealed record AthleteBody(string ShareId, string DisplayName, LatestCheckBody Latest, IReadOnlyList<SeriesEntryBody> Series);

public sealed record LatestCheckBody(string Id, string ResultUrl, DateTime CreatedAt, string Urgency, bool SeeClinician, string? TopCause)
{
    public static LatestCheckBody From(BoardCheck check) =>
        new(check.Id, DeleteKeyCookie.ResultPath(check.Id), check.CreatedAt, check.Urgency.ToContractId(), check.SeeClinician, check.TopCause);
}

/// <summary>POST /api/shares, with the result's X-Delete-Key.</summary>
public sealed record CreateShareRequest(string JoinId, string ResultId, string DisplayName);

/// <summary>The 201 answer to POST /api/shares.</summary>
public sealed record CreatedShareBody(string ShareId, string BoardName);
