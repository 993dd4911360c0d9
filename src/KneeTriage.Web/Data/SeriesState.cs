namespace KneeTriage.Web.Data;

/// <summary>
/// What a result's series looks like now, in a few numbers: which series, how many results it
/// holds and the newest row. A follow-up raises the count and the newest row; a delete lowers the
/// count (row ids only grow on both providers), so two different series contents never share a
/// <see cref="Version"/>. The result-page cache keys on it, so a page another instance cached before
/// a follow-up or a delete is never served again (decision 0017).
/// </summary>
public sealed record SeriesState(string SeriesKey, int Count, long NewestRow)
{
    /// <summary>Changes whenever the series' contents change; for cache keys only, never shown.</summary>
    public string Version => FormattableString.Invariant($"{Count}.{NewestRow}");
}
