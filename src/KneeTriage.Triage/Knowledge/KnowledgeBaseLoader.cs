using KneeTriage.Triage.Knowledge.Yaml;

namespace KneeTriage.Triage.Knowledge;

public static class KnowledgeBaseLoader
{
    internal const string QuestionsFile = "questions.yaml";
    internal const string ConditionsFile = "conditions.yaml";

    /// <summary>
    /// Reads and validates the knowledge base in <paramref name="directory"/> (content/triage).
    /// Throws <see cref="KnowledgeBaseException"/> naming the file and entry when anything is wrong.
    /// </summary>
    public static KnowledgeBase Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new KnowledgeBaseException($"The knowledge base folder '{directory}' does not exist.");
        }

        var steps = QuestionFileReader.Read(ReadRoot(directory, QuestionsFile));
        var conditions = ConditionFileReader.Read(ReadRoot(directory, ConditionsFile));
        return new KnowledgeBase
        {
            Version = KnowledgeBaseVersion.Compute(directory),
            Steps = steps,
            Conditions = conditions.Conditions,
            UnexplainedPrior = conditions.UnexplainedPrior,
        };
    }

    private static YamlEntry ReadRoot(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        return File.Exists(path)
            ? YamlEntry.ReadFile(path)
            : throw new KnowledgeBaseException($"{file}: the file is missing from '{directory}'.");
    }
}
