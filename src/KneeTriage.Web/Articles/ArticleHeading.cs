namespace KneeTriage.Web.Articles;

/// <summary>A heading inside a section, for the in-page table of contents.</summary>
/// <param name="Level">2 or 3: the section title itself is the page's only level-1 heading.</param>
/// <param name="Id">The element id the heading (or FAQ item) carries, so <c>#Id</c> jumps to it.</param>
/// <param name="Text">The heading as plain text.</param>
public sealed record ArticleHeading(int Level, string Id, string Text);
