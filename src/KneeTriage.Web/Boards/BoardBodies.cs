using KneeTriage.Triage.Engine;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Progress;

namespace KneeTriage.Web.Boards;

/// <summary>POST /api/boards.</summary>
public sealed record CreateBoardRequest(string Name);

/// <summary>The 201 answer to POST /api/boards: the only answer that ever holds the board's delete key.</summary>
public sealed record CreatedBoardBody(string Id, string BoardUrl, string JoinUrl, string JoinId, string Name, string DeleteKey);

/// <summary>GET /api/boards/{id}: the athletes who need a clinician first, then newest first; never answers.</summary>
public sealed record BoardBody(string Id, string Name, IReadOnlyList<AthleteBody> Athletes)
{
    public static BoardBody From(BoardView board, ResultLinks links) => new(
        board.Id,
        board.Name,
        [.. board.Athletes.Select(a => new AthleteBody(a.ShareId, a.DisplayName, a.ResultShared, LatestCheckBody.From(a.Latest, links), [.. a.Series.Select(c => c.SeriesBody())]))]);
}

/// <summary>One athlete. Without <see cref="ResultShared"/> every result id and cause in it is null (contract v1.2 "Boards, at every age").</summary>
public sealed record AthleteBody(string ShareId, string DisplayName, bool ResultShared, LatestCheckBody Latest, IReadOnlyList<SeriesEntryBody> Series);

/// <summary>The latest check; <see cref="Id"/>, <see cref="ResultUrl"/> and <see cref="TopCause"/> are null unless the runner let the coach open the result.</summary>
public sealed record LatestCheckBody(string? Id, string? ResultUrl, DateTime CreatedAt, string Urgency, bool SeeClinician, string? TopCause)
{
    public static LatestCheckBody From(BoardCheck check, ResultLinks links) =>
        new(check.Id, check.Id is { } id ? links.Path(id) : null, check.CreatedAt, check.Urgency.ToContractId(), check.SeeClinician, check.TopCause);
}

/// <summary>POST /api/shares, with the result's X-Delete-Key. ShowResult: the coach may open the full result (default false).</summary>
public sealed record CreateShareRequest(string JoinId, string ResultId, string DisplayName, bool ShowResult = false);

/// <summary>The 201 answer to POST /api/shares.</summary>
public sealed record CreatedShareBody(string ShareId, string BoardName);
