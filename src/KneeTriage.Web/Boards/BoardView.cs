using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Engine.Progress;
using KneeTriage.Web.Data;
using KneeTriage.Web.Progress;

namespace KneeTriage.Web.Boards;

/// <summary>
/// One check in an athlete's series, as a board may show it: never the answers, and without
/// <see cref="ResultShared"/> neither the result's token nor its cause.
/// </summary>
public sealed record BoardCheck
{
    /// <summary>The same entry the API's series and the progress chart read, so the board cannot tell a different story.</summary>
    public required SeriesEntry Entry { get; init; }

    public required bool SeeClinician { get; init; }

    /// <summary>The runner let the coach open the full result. False: the token and the cause read as null.</summary>
    public bool ResultShared { get; init; } = true;

    /// <summary>The result's token (the key to it), or null when the runner did not share the result.</summary>
    public string? Id => ResultShared ? Entry.Token : null;

    public DateTime CreatedAt => Entry.CreatedAt;

    public Urgency Urgency => Entry.Urgency;

    /// <summary>0–10; null for a result stored without one.</summary>
    public int? PainSeverity => Entry.PainSeverity;

    /// <summary>The most likely cause's id and name; null when the result listed none or was not shared.</summary>
    public string? TopCause => ResultShared ? Entry.TopCause : null;

    public string? TopCauseName => ResultShared ? Entry.TopCauseName : null;

    /// <summary>With its band, never a percentage; empty when the result was not shared.</summary>
    public string TopCauseWords => ResultShared ? Entry.TopCauseWords : string.Empty;

    /// <summary>The series entry as the board's body lists it: the token and the cause null unless shared.</summary>
    public SeriesEntryBody SeriesBody() =>
        ResultShared ? SeriesEntryBody.From(Entry) : SeriesEntryBody.From(Entry) with { Id = null, TopCause = null };

    public static BoardCheck From(ListedAssessment listed, bool resultShared = true) =>
        new() { Entry = SeriesEntry.From(listed), SeeClinician = listed.SeeClinician, ResultShared = resultShared };
}

/// <summary>One athlete on a board: the share, whether the runner let the coach open the result, the series oldest first, and its latest check.</summary>
public sealed record BoardAthlete(string ShareId, string DisplayName, bool ResultShared, IReadOnlyList<BoardCheck> Series)
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
            .Select(s => new BoardAthlete(s.Share.Token, s.Share.DisplayName, s.Share.ShowResult, [.. s.Results.Select(r => BoardCheck.From(r, s.Share.ShowResult))]))
            .OrderByDescending(a => a.Latest.SeeClinician)
            .ThenByDescending(a => a.Latest.CreatedAt)
            .ThenBy(a => a.DisplayName, StringComparer.Ordinal)]);
}
