namespace KneeTriage.Web.Articles;

/// <summary>The article content cannot be served as it is. The message names the file and what to fix.</summary>
public sealed class ArticleContentException : Exception
{
    public ArticleContentException()
    {
    }

    public ArticleContentException(string message)
        : base(message)
    {
    }

    public ArticleContentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
