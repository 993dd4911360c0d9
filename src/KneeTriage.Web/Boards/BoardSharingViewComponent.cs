using KneeTriage.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace KneeTriage.Web.Boards;

/// <summary>
/// The result page's board section, for the browser that owns the result: the boards its series is
/// shared with (each with "stop sharing") and the form to share with another. A component, so the
/// result page gains one line rather than handlers and lookups of its own.
/// </summary>
public sealed class BoardSharingViewComponent(AssessmentStore results, BoardStore boards) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string token)
    {
        var record = await results.FindByTokenAsync(token, HttpContext.RequestAborted);
        IReadOnlyList<ShareOfSeries> shares = record is null ? [] : await boards.SharesOfSeriesAsync(record.SeriesKey, HttpContext.RequestAborted);
        return View("/Pages/Boards/_BoardSharing.cshtml", new BoardSharing(token, shares));
    }
}

/// <summary>The result page's board section: the result and the boards its series is shared with.</summary>
public sealed record BoardSharing(string Token, IReadOnlyList<ShareOfSeries> Shares);
