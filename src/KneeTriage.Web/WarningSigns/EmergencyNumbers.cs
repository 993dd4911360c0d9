using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace KneeTriage.Web.WarningSigns;

/// <summary>
/// Turns the emergency numbers in a piece of plain text (999, 112, 911) into phone links, so a
/// runner on a phone can call with one tap wherever the site names them.
/// </summary>
public static partial class EmergencyNumbers
{
    /// <summary>The text HTML-encoded, with each emergency number as <c>&lt;a href="tel:999"&gt;999&lt;/a&gt;</c>.</summary>
    public static IHtmlContent Linked(string text)
    {
        var html = NumberPattern().Replace(HtmlEncoder.Default.Encode(text), "<a href=\"tel:$1\">$1</a>");
        return new HtmlString(html);
    }

    /// <summary>The text escaped for Markdown, with each emergency number as a <c>[999](tel:999)</c> link.</summary>
    public static string MarkdownLinked(string text) =>
        NumberPattern().Replace(MarkdownText.Escape(text), "[$1](tel:$1)");

    [GeneratedRegex(@"(?<![\w.])(999|112|911)(?![\w.])")]
    private static partial Regex NumberPattern();
}
