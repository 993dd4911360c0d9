using KneeTriage.Triage.Knowledge.Criteria;
using KneeTriage.Triage.Knowledge.Yaml;

namespace KneeTriage.Triage.Knowledge;

public static class KnowledgeBaseLoader
{
    internal const string QuestionsFile = "questions.yaml";
    internal const string ConditionsFile = "conditions.yaml";
    internal const string EvidenceFile = "evidence.yaml";
    internal const string WarningRulesFile = "warning-rules.yaml";
    internal const string AdviceFile = "advice.yaml";
    internal const string ContradictionsFile = "contradictions.yaml";
    internal const string WarningSignsFile = "warning-signs.yaml";
    internal const string ReturnToRunningFile = "return-to-running.yaml";

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
        var questions = steps.SelectMany(s => s.Questions).ToList();
        var catalog = new QuestionCatalog(questions);
        var questionsById = questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var criteria = new CriterionReader(questionsById, catalog);
        var conditions = ConditionFileReader.Read(ReadRoot(directory, ConditionsFile), criteria);
        var evidence = EvidenceFileReader.Read(ReadRoot(directory, EvidenceFile), conditions.Conditions, criteria);
        var warningRules = WarningRuleFileReader.Read(ReadRoot(directory, WarningRulesFile), conditions.Conditions, criteria);
        var warningSigns = WarningSignFileReader.Read(ReadRoot(directory, WarningSignsFile), warningRules);
        return new KnowledgeBase
        {
            Version = KnowledgeBaseVersion.Compute(directory),
            Steps = steps,
            Conditions = conditions.Conditions,
            UnexplainedPrior = conditions.UnexplainedPrior,
            ScoreTemperature = conditions.ScoreTemperature,
            Evidence = evidence.Evidence,
            NoCausesWhen = evidence.NoCausesWhen,
            WarningRules = warningRules,
            WarningSigns = warningSigns,
            Advice = AdviceFileReader.Read(ReadRoot(directory, AdviceFile), criteria, warningSigns, warningRules),
            Contradictions = ContradictionFileReader.Read(ReadRoot(directory, ContradictionsFile), questionsById, criteria),
            ReturnToRunning = ReturnToRunningFileReader.Read(ReadRoot(directory, ReturnToRunningFile)),
            Catalog = catalog,
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
