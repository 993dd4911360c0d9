using System.Text.Json.Serialization;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.Api;

/// <summary>GET /api/questionnaire: every question a client may answer, from the same knowledge base as the form.</summary>
public sealed record QuestionnaireBody(string KnowledgeBaseVersion, IReadOnlyList<QuestionBody> Questions, IReadOnlyList<StepBody> Steps)
{
    public static QuestionnaireBody From(KnowledgeBase knowledgeBase) => new(
        knowledgeBase.Version,
        [.. knowledgeBase.Questions.Select(q => QuestionBody.From(q, knowledgeBase.IsWarningQuestion(q.Id)))],
        [.. knowledgeBase.Steps.Select(s => new StepBody(s.Id, s.Title, [.. s.Questions.Select(q => q.Id)]))]);
}

public sealed record QuestionBody
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public string? Help { get; init; }
    /// <summary>The contract's type: int, bool, one or many.</summary>
    public required string Type { get; init; }
    public required IReadOnlyList<OptionBody> Options { get; init; }
    public required bool Required { get; init; }
    /// <summary>Plain words for a conditional requirement, e.g. "unless pain-type is none".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RequiredWhen { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OnlyWhen { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Min { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Max { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Unit { get; init; }
    public required string Accepts { get; init; }
    public required string Step { get; init; }
    /// <summary>A warning question (derived from the urgent and emergency rules): it may be listed in the body's "unsure".</summary>
    public required bool Warning { get; init; }
    /// <summary>Form only: when the form asks it; an answer is accepted whatever else is answered.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ShownWhen { get; init; }
    /// <summary>Form only: the yes/no parts the form asks instead of the text; the answer is true when any shown part gets its sign (every shown part, with askedAsNeeds "every").</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PartBody>? AskedAs { get; init; }

    /// <summary>Form only: "every" when the answer is true only if every shown part gets its sign; absent when one is enough.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AskedAsNeeds { get; init; }

    public static QuestionBody From(Question question, bool warning) => new()
    {
        Warning = warning,
        ShownWhen = question.ShownWhen?.Description,
        AskedAs = question.Parts.Count > 0 ? [.. question.Parts.Select(PartBody.From)] : null,
        AskedAsNeeds = question.EveryPartNeeded ? "every" : null,
        Id = question.Id,
        Text = question.Text,
        Help = question.Help,
        Type = TypeName(question.Type),
        Options = [.. question.Options.Select(o => new OptionBody(o.Value, o.Label))],
        Required = question.Required,
        RequiredWhen = question.RequiredWhen?.Description,
        OnlyWhen = question.OnlyWhen?.Description,
        Min = question.Min,
        Max = question.Max,
        Unit = question.Unit,
        Accepts = question.Accepts,
        Step = question.Step,
    };

    /// <summary>The contract's name for a question type, in the API's answers and on the API page.</summary>
    public static string TypeName(QuestionType type) => type switch
    {
        QuestionType.Integer => "int",
        QuestionType.Boolean => "bool",
        QuestionType.One => "one",
        QuestionType.Activities => "activities",
        _ => "many",
    };
}

public sealed record OptionBody(string Value, string Label);

/// <param name="SignWhen">"yes" or "no": the answer to this part that means the sign is there.</param>
public sealed record PartBody(string Id, string Text, string? Help, string SignWhen, string? ShownWhen)
{
    public static PartBody From(QuestionPart part) => new(part.Id, part.Text, part.Help, part.SignWhen ? "yes" : "no", part.ShownWhen?.Description);
}

public sealed record StepBody(string Id, string Title, IReadOnlyList<string> QuestionIds);
