using System.Globalization;

namespace KneeTriage.Web.Boards;

/// <summary>
/// The two texts people type for a board: its name (the coach's) and a display name (the runner's).
/// Both are trimmed and must hold no control characters (line breaks, tabs, bidi overrides that
/// would turn the board's text around); they are always shown HTML-encoded, so markup in them is text.
/// </summary>
public static class BoardText
{
    public const int MaxBoardName = 60;

    public const int MaxDisplayName = 40;

    /// <summary>The trimmed text, or null with a message in plain words saying what is accepted.</summary>
    public static (string? Text, string? Error) Clean(string? raw, int maxLength, string what)
    {
        var text = raw?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return (null, $"Enter {what}.");
        }

        if (text.Length > maxLength)
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
