using System.Globalization;

namespace KneeTriage.Web.Boards;

/// <summary>
/// The two texts people type for a board: its name (the coach's) and a display name (the runner's).
/// Both are trimmed and must hold no control characters (line breaks, tabs, bidi overrides that
/// would turn the board's text around); they are always shown HTML-encoded, so markup in them is text.
/// Length counts Unicode code points, as JSON Schema's maxLength does, so the OpenAPI document's
/// <see cref="Pattern"/> and length state exactly this rule (for a text without spaces around it).
/// </summary>
public static class BoardText
{
    public const int MaxBoardName = 60;

    public const int MaxDisplayName = 40;

    /// <summary>The characters refused anywhere (see <see cref="IsControl"/>), as a regular-expression class body.</summary>
    private const string Refused = @"\u0000-\u001F\u007F-\u009F\u200E\u200F\u2028-\u202E\u2066-\u2069";

    /// <summary>
    /// The rule as a pattern for the OpenAPI document (ECMA-262 and .NET alike, no \p classes, so
    /// every tool can read it): no refused character, and at least one that is not white space.
    /// </summary>
    public const string Pattern = $"^[^{Refused}]*[^\\s{Refused}][^{Refused}]*$";

    /// <summary>The trimmed text, or null with a message in plain words saying what is accepted.</summary>
    public static (string? Text, string? Error) Clean(string? raw, int maxLength, string what)
    {
        var text = raw?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return (null, $"Enter {what}.");
        }

        if (text.EnumerateRunes().Count() > maxLength)
        {
            return (null, $"{Capitalised(what)} must be {maxLength} characters or fewer.");
        }

        if (text.Any(IsControl))
        {
            return (null, $"{Capitalised(what)} must be on one line, without control characters.");
        }

        return (text, null);
    }

    private static bool IsControl(char c) =>
        char.IsControl(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';

    private static string Capitalised(string what) => string.Concat(what[..1].ToUpperInvariant(), what[1..]);
}
