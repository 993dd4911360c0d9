using System.Globalization;
using System.Text.RegularExpressions;

namespace KneeTriage.Web.Boards;

/// <summary>
/// The viewer's own time zone, as the browser reports it in a cookie (wwwroot/js/time-zone.js sets
/// it from <c>Intl.DateTimeFormat().resolvedOptions().timeZone</c>), so a board's times are
/// rendered on the server in the coach's zone. Without the cookie, or with one this machine does not
/// know, the board shows dates only: a time is never shown in UTC and taken for local time.
/// </summary>
public static partial class ViewerTimeZone
{
    /// <summary>Sent to the board pages only (Path=/boards); it holds an IANA zone id and nothing else.</summary>
    public const string CookieName = "kt-tz";

    private const int MaxLength = 64;

    /// <summary>The zone in the cookie, or null when there is none or it is not a zone id this machine knows.</summary>
    public static TimeZoneInfo? Read(HttpRequest request) => Parse(request.Cookies[CookieName]);

    /// <summary>An IANA id ("Europe/London", "America/Argentina/Buenos_Aires", "UTC"), or null for anything else.</summary>
    public static TimeZoneInfo? Parse(string? id)
    {
        // Checked before the lookup: the id becomes a file name under the zone database on Linux.
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength || !IanaId().IsMatch(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            // A damaged or unreadable zone file: dates only, never an error page.
            return null;
        }
    }

    /// <summary>
    /// A stored UTC time as the viewer reads it: "6 Dec 2026, 14:05" in their zone, or "6 Dec 2026"
    /// (the UTC date) when their zone is unknown.
    /// </summary>
    public static string Show(DateTime utc, TimeZoneInfo? zone)
    {
        var at = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return zone is null
            ? at.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
            : TimeZoneInfo.ConvertTimeFromUtc(at, zone).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The machine-readable instant for a time element, in UTC and marked so.</summary>
    public static string Instant(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IanaId();
}
