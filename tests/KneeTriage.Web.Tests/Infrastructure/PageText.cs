namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>A page's text as a reader sees it: the markup's line breaks and indents as single spaces.</summary>
internal static class PageText
{
    public static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
