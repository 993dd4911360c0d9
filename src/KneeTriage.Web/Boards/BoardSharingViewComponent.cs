using KneeTriage.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace KneeTriage.Web.Boards;

/// <summary>
/// The result page's board section, for the browser that owns the result: the boards its series is
/// shared with (each with "stop sharing") and the form to share with another. A component, so the
/// result page gains one line rather than handlers and lookups of its own.
/// </summary>
public sealed class BoardSharingViewComponent(BoardStore boards) : ViewComponent
{
    /// <summary>The result page has just read the result: it passes its token and series rather than this reading them again.</summary>
    /// <param name="headingLevel">3 under a same-day or emergency result's "After you have been seen" (Pages/Results/CheckAgainOffer), 2 otherwise.</param>
    public async Task<IViewComponentResult> InvokeAsync(string token, string seriesKey, int headingLevel)
    {
        var shares = await boards.SharesOfSeriesAsync(seriesKey, HttpContext.RequestAborted);
        return View("/Pages/Boards/_BoardSharing.cshtml", new BoardSharing(token, shares, headingLevel == 3 ? 3 : 2));
    }
}

/// <summary>The result page's board section: the result and the boards its series is shared with.</summary>
public sealed record BoardSharing(string Token, IReadOnlyList<ShareOfSeries> Shares, int HeadingLevel = 2);
