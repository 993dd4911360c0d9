namespace KneeTriage.Triage.Knowledge;

/// <summary>The knowledge base on disk is broken; the message names the file and the entry.</summary>
public sealed class KnowledgeBaseException : Exception
{
    public KnowledgeBaseException(string message)
        : base(message)
    {
    }

    public KnowledgeBaseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KnowledgeBaseException()
    {
    }
}
