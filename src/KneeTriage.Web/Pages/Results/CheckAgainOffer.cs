using KneeTriage.Triage.Engine;

namespace KneeTriage.Web.Pages.Results;

/// <summary>
/// The result page's "Check again" (<c>_CheckAgain</c>) for the browser that made the result. Under a
/// same-day or emergency action it waits "after you have been seen": walkers looking for leave to wait
/// read "Check again" and "Share with a coach's board" as "see how it goes", an alternative to going.
/// </summary>
/// <param name="Token">The result's share token, for the reminder's link.</param>
/// <param name="OffersWeeklyReminder">Only where waiting is the advice (self-care, a booked appointment).</param>
public sealed record CheckAgainOffer(string Token, Disposition Disposition, bool OffersWeeklyReminder)
{
    /// <summary>Same-day and emergency results: checking again and sharing come after being seen, below the advice.</summary>
    public bool AfterBeingSeen => !Disposition.LeavesTimeToCheckAgain();

    public const string AfterBeingSeenHeading = "After you have been seen";

    /// <summary>
    /// A booked result: the booking comes first. Walk 23's booked page offered a filled "Check again"
    /// button and a reminder a week on with nothing to say they are not instead of booking; here
    /// the offer says so, and its button is no louder than the action (self-care keeps it filled).
    /// </summary>
    public bool BookingFirst => Disposition == Disposition.BookAppointment;

    public const string BookingFirstWords = "Book the appointment first; checking again does not replace it.";

    /// <summary>Never bare "Check again" beside "be seen today": it could read as checking again instead of going.</summary>
    public string ButtonWords => AfterBeingSeen ? "Check again after you have been seen" : "Check again";
}
