using System.Text;

namespace KneeTriage.Web.WarningSigns;

/// <summary>Plain text made safe to drop into Markdown, table cells included.</summary>
internal static class MarkdownText
{
    private const string Special = "\\`*_[]{}<>#|!~";

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
