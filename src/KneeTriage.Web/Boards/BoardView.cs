using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Engine.Progress;
using KneeTriage.Web.Data;
using KneeTriage.Web.Progress;

namespace KneeTriage.Web.Boards;

/// <summary>One check in an athlete's series, as a board may show it: never the answers.</summary>
public sealed record BoardCheck
{
    /// <summary>The same entry the API's series and the progress chart read, so the board cannot tell a different story.</summary>
    public required SeriesEntry Entry { get; init; }

    public required bool SeeClinician { get; init; }

    public string Id => Entry.Token;

    public DateTime CreatedAt => Entry.CreatedAt;

    public Urgency Urgency => Entry.Urgency;

    /// <summary>0–10; null for a result stored without one.</summary>
    public int? PainSeverity => Entry.PainSeverity;

    /// <summary>The most likely cause's id and name; null when the result listed none.</summary>
    public string? TopCause => Entry.TopCause;

    public string? TopCauseName => Entry.TopCauseName;

    /// <summary>With its band, never a percentage.</summary>
    public string TopCauseWords => Entry.TopCauseWords;

    public static BoardCheck From(StoredAssessment record) =>
        new() { Entry = SeriesEntry.From(record), SeeClinician = record.SeeClinician };
}

/// <summary>One athlete on a board: the share, the series oldest first, and its latest check.</summary>
public sealed record BoardAthlete(string ShareId, string DisplayName, IReadOnlyList<BoardCheck> Series)
{
    public BoardCheck Latest => Series[^1];

    /// <summary>The latest check against the one before (urgency, and any measure by 2 or more); null for a single check.</summary>
    public Trend? Trend => CheckComparison.TrendOfSeries([.. Series.Select(c => c.Entry.Point)]);
}

/// <summary>A board as its coach sees it: athletes who need a clinician first, then the newest latest check first.</summary>
public sealed record BoardView(string Id, string JoinId, string Name, IReadOnlyList<BoardAthlete> Athletes)
{
    public static BoardView From(BoardWithShares board) => new(
        board.Board.Token,
        board.Board.JoinToken,
        board.Board.Name,
        [.. board.Shares
            .Select(s => new BoardAthlete(s.Share.Token, s.Share.DisplayName, [.. s.Results.Select(BoardCheck.From)]))
            .OrderByDescending(a => a.Latest.SeeClinician)
            .ThenByDescending(a => a.Latest.CreatedAt)
            .ThenBy(a => a.DisplayName, StringComparer.Ordinal)]);
}
