using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KneeTriage.Web.Reminders;

/// <summary>
/// The "check again" reminder as an iCalendar file (RFC 5545): one all-day event 7 days after the
/// result's date holding only the result's link and one line of what to do. No name, no answer,
/// no urgency: a calendar is often synced to other people's devices.
/// </summary>
public static class NextCheckCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public const string Summary = "Check your knee again";

    public const string WhatToDo = "Open your result and choose Check again to see how your knee is doing.";

    public static readonly TimeSpan After = TimeSpan.FromDays(7);

    /// <param name="resultUrl">The absolute link to the result.</param>
    /// <param name="token">The result's token: the event's UID is made from it, so downloading twice updates one event.</param>
    /// <param name="createdAt">When the result was made (UTC).</param>
    public static string Build(string resultUrl, string token, DateTime createdAt)
    {
        var day = DateOnly.FromDateTime(createdAt).AddDays(After.Days);
        var lines = new[]
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//KneeTriage//Check again reminder//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:{Uid(token)}",
            // The result's own time, not the download's: the same file every time.
            $"DTSTAMP:{createdAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}",
            $"DTSTART;VALUE=DATE:{Date(day)}",
            $"DTEND;VALUE=DATE:{Date(day.AddDays(1))}",
            $"SUMMARY:{Text(Summary)}",
            $"DESCRIPTION:{Text($"{WhatToDo}\n{resultUrl}")}",
            $"URL:{resultUrl}",
            // A reminder, not a busy slot.
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
            "END:VCALENDAR",
        };
        var calendar = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(calendar, line);
        }

        return calendar.ToString();
    }

    /// <summary>A stable id that names the result without showing its token.</summary>
    private static string Uid(string token) =>
        $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"kneetriage-next-check:{token}")))[..32]}@kneetriage";

    private static string Date(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 3.3.11: backslash, semicolon, comma and line breaks escaped in TEXT values.</summary>
    private static string Text(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>RFC 5545 3.1: lines end in CRLF and are folded at 75 octets, never inside a UTF-8 character.</summary>
    private static void Fold(StringBuilder calendar, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var length = rune.Utf8SequenceLength;
            if (octets + length > 75)
            {
                calendar.Append("\r\n ");
                // The space that starts a continuation line counts towards its 75.
                octets = 1;
            }

            calendar.Append(rune.ToString());
            octets += length;
        }

        calendar.Append("\r\n");
    }
}
