namespace KneeTriage.Web.Articles;

/// <summary>How a section's body is laid out.</summary>
public enum ArticleKind
{
    /// <summary>Ordinary prose: headings, paragraphs, lists and tables.</summary>
    Prose,

    /// <summary>Frequently asked questions: each level-2 heading becomes an expandable item.</summary>
    Faq,
}
