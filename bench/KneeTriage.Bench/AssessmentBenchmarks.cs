using BenchmarkDotNet.Attributes;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Validation;

namespace KneeTriage.Bench;

/// <summary>One assessment (what every POST /api/assessments pays), its validation, and loading the knowledge base (start-up).</summary>
[MemoryDiagnoser]
public class AssessmentBenchmarks
{
    private static readonly string KnowledgeBaseDirectory = Path.Combine(AppContext.BaseDirectory, "content", "triage");

    private readonly TriageEngine _engine;
    private readonly AnswerSetValidator _validator;

    public AssessmentBenchmarks()
    {
        var knowledgeBase = KnowledgeBaseLoader.Load(KnowledgeBaseDirectory);
        _engine = new TriageEngine(knowledgeBase);
        _validator = new AnswerSetValidator(knowledgeBase);
    }

    [Benchmark(Baseline = true)]
    public Assessment AssessTypical() => _engine.Assess(BenchmarkAnswers.Typical);

    [Benchmark]
    public Assessment AssessBusy() => _engine.Assess(BenchmarkAnswers.Busy);

    [Benchmark]
    public bool ValidateTypical() => _validator.Validate(BenchmarkAnswers.Typical).IsValid;

    [Benchmark]
    public KnowledgeBase LoadKnowledgeBase() => KnowledgeBaseLoader.Load(KnowledgeBaseDirectory);
}
