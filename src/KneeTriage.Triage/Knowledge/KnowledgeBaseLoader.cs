namespace KneeTriage.Triage.Knowledge;

public static class KnowledgeBaseLoader
{
    /// <summary>
    /// Reads and validates the knowledge base in <paramref name="directory"/> (content/triage).
    /// Throws <see cref="KnowledgeBaseException"/> naming the file and entry when anything is wrong.
    /// </summary>
    public static KnowledgeBase Load(string directory) =>
        throw new NotImplementedException("The triage engine work (issue 3) implements the loader.");
}
