using System.Text.Json.Serialization;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.Submission;

/// <summary>
/// The result exactly as the runner saw it, in a shape of its own: stored as JSON, it must still
/// read back after the engine's types or the knowledge base change, so it copies every word it shows
/// (cause names, reasons, advice, the question texts and answer labels) rather than ids to look up.
/// </summary>
public sealed record StoredResult
{
    public required Urgency Urgency { get; init; }
    public required bool SeeClinician { get; init; }
    public required string KnowledgeBaseVersion { get; init; }
    public required IReadOnlyList<StoredRedFlag> RedFlags { get; init; }
    /// <summary>Most likely first, at most five.</summary>
    public required IReadOnlyList<StoredCause> LikelyCauses { get; init; }
    public required IReadOnlyList<string> DoNow { get; init; }
    public required IReadOnlyList<StoredCauseAdvice> SelfCare { get; init; }
    public required IReadOnlyList<string> ComeBackIf { get; init; }
    /// <summary>Every question in the order asked, with the answer in words.</summary>
    public required IReadOnlyList<AnswerLine> Answers { get; init; }
    /// <summary>The warning questions answered "not sure" (contract v1.2's "unsure"); null on results stored before it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Unsure { get; init; }

    // Contract v1.2. Absent (null) in a result stored earlier: it keeps the words it was stored
    // with, and StoredResultReading derives its disposition and bands.

    /// <summary>"1.2" for a result made under contract v1.2; null for one stored earlier.</summary>
    public string? ContractVersion { get; init; }
    public Disposition? Disposition { get; init; }
    /// <summary>Signs of a more pressing action than the disposition's, not reported by the runner.</summary>
    public IReadOnlyList<StoredGetHelpGroup>? GetHelpIf { get; init; }
    /// <summary>For a runner under 16: "show this to a parent or carer".</summary>
    public string? ParentOrCarer { get; init; }
    /// <summary>
    /// The result told the runner not to run (the engine's own flag, kept so a later rewording of the
    /// knowledge base cannot change what a stored result offers); null on results stored before it.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ToldNotToRun { get; init; }

    /// <summary>
    /// Whether this result told the runner not to run, so nothing beside it may say how to run (the
    /// plan to run again). Its stored flag; for a result stored before the flag, its words as the
    /// knowledge base marks them.
    /// </summary>
    public bool TellsNotToRun(KnowledgeBase knowledgeBase) =>
        ToldNotToRun ?? knowledgeBase.TellsNotToRun(DoNow.Concat(SelfCare.SelectMany(card => card.Steps)));

    public static StoredResult From(Assessment assessment, IReadOnlyList<AnswerLine> answers) => new()
    {
        Urgency = assessment.Urgency,
        SeeClinician = assessment.SeeClinician,
        KnowledgeBaseVersion = assessment.KnowledgeBaseVersion,
        RedFlags = [.. assessment.RedFlags.Select(f => new StoredRedFlag { Id = f.Id, Urgency = f.Urgency, Message = f.Message, Finding = f.Finding })],
        LikelyCauses = [.. assessment.LikelyCauses.Select(c => new StoredCause
        {
            Id = c.Id,
            Name = c.Name,
            Probability = c.Probability,
            ReasonsFor = c.ReasonsFor,
            ReasonsAgainst = c.ReasonsAgainst,
            LearnMore = c.LearnMore,
            Band = c.Band,
        })],
        DoNow = assessment.Advice.DoNow,
        SelfCare = [.. assessment.Advice.SelfCare.Select(a => new StoredCauseAdvice { ConditionId = a.ConditionId, ConditionName = a.ConditionName, Steps = a.Steps })],
        ComeBackIf = assessment.Advice.ComeBackIf,
        Answers = answers,
        ContractVersion = Assessment.ContractVersion,
        Disposition = assessment.Disposition,
        GetHelpIf = [.. assessment.Advice.GetHelpIf.Select(g => new StoredGetHelpGroup { Disposition = g.Disposition, Lead = g.Lead, Signs = g.Signs })],
        ParentOrCarer = assessment.Advice.ParentOrCarer,
        ToldNotToRun = assessment.Advice.ToldNotToRun,
    };
}

public sealed record StoredRedFlag
{
    public required string Id { get; init; }
    public required Urgency Urgency { get; init; }
    public required string Message { get; init; }
    /// <summary>The message without its action (v1.2); null in a result stored earlier.</summary>
    public string? Finding { get; init; }
}

public sealed record StoredCause
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required double Probability { get; init; }
    public required IReadOnlyList<string> ReasonsFor { get; init; }
    public required IReadOnlyList<string> ReasonsAgainst { get; init; }
    public required string LearnMore { get; init; }
    /// <summary>v1.2; null in a result stored earlier (StoredResultReading derives it).</summary>
    public CauseBand? Band { get; init; }
}

public sealed record StoredCauseAdvice
{
    public required string ConditionId { get; init; }
    public required string ConditionName { get; init; }
    public required IReadOnlyList<string> Steps { get; init; }
}

public sealed record StoredGetHelpGroup
{
    public required Disposition Disposition { get; init; }
    public required string Lead { get; init; }
    public required IReadOnlyList<string> Signs { get; init; }
}

/// <summary>One question and its answer in words ("None" when nothing was ticked).</summary>
public sealed record AnswerLine
{
    public required string QuestionId { get; init; }
    public required string StepId { get; init; }
    public required string Question { get; init; }
    public required string Answer { get; init; }
    /// <summary>Answered "not sure", so read as yes (false on results stored before v1.2).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Unsure { get; init; }

    /// <summary>
    /// <see cref="Answer"/> itself says "Not sure" and how it was read (results stored since it
    /// did); on earlier ones it holds the cautious answer ("Yes") and the page adds the note.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool SaysNotSure { get; init; }

    /// <summary>
    /// For a question the form asked in yes/no parts, what the runner said to each part shown, in
    /// the order asked; null when the parts are not known (see <see cref="AnswerDescriptions"/>).
    /// <see cref="Answer"/> keeps the merged answer the engine and the API read.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AnswerPartLine>? Parts { get; init; }
}

/// <summary>One yes/no part of a question as the form asked it, and the runner's own answer to it.</summary>
public sealed record AnswerPartLine
{
    /// <summary>The form field's id (a knowledge-base part id, never a contract id).</summary>
    public required string PartId { get; init; }

    /// <summary>The part's words, as asked.</summary>
    public required string Question { get; init; }

    public required PartAnswer Answer { get; init; }

    /// <summary>
    /// The answer that means the sign is there (true: "yes"; false: "no", as for "Can you take four
    /// steps?"), copied so a later knowledge base cannot change how a stored part reads.
    /// </summary>
    public required bool SignWhen { get; init; }

    /// <summary>
    /// "Not sure", and the question's stored answer rests on it (the question is in the result's
    /// "unsure"), so it was read as the sign. A "not sure" beside a sure answer that decides the
    /// question (a "yes" to another part; a "no" to a sign that needs both parts) changed nothing.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NotSureReadAsSign { get; init; }

    /// <summary>The answer to the part's own words: "Yes", "No", or "Not sure" and how it was read.</summary>
    [JsonIgnore]
    public string Words => PartAnswerWords.AsAsked(this);
}
