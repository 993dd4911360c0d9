using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Html;

namespace KneeTriage.Web.WarningSigns;

/// <summary>
/// Text with every emergency or urgent-care number (999, 112, 911, NHS 111) as a tap-to-call
/// <c>tel:</c> link, HTML-encoded otherwise: on a phone, a worried runner calls with one tap. Used
/// wherever such text is shown, including text from the knowledge base.
/// </summary>
public static partial class PhoneLinks
{
    public static string Encode(string text)
    {
        var html = HtmlEncoder.Default.Encode(text);
        return NumberPattern().Replace(html, match => $"<a class=\"tel-link\" href=\"tel:{match.Value}\">{match.Value}</a>");
    }

    /// <summary>For Razor components.</summary>
    public static MarkupString Markup(string text) => new(Encode(text));

    /// <summary>For Razor pages.</summary>
    public static IHtmlContent Html(string text) => new HtmlString(Encode(text));

    /// <summary>For Markdown the guide renders: the text escaped for Markdown, each number a <c>[999](tel:999)</c> link.</summary>
    public static string Markdown(string text) =>
        NumberPattern().Replace(MarkdownText.Escape(text), match => $"[{match.Value}](tel:{match.Value})");

    [GeneratedRegex(@"(?<![\d.,])(?:999|112|911|111)(?![\d])")]
    private static partial Regex NumberPattern();
}
