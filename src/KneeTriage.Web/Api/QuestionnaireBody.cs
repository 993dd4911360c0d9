using System.Text.Json.Serialization;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.Api;

/// <summary>GET /api/questionnaire: every question a client may answer, from the same knowledge base as the form.</summary>
public sealed record QuestionnaireBody(string KnowledgeBaseVersion, IReadOnlyList<QuestionBody> Questions, IReadOnlyList<StepBody> Steps)
{
    public static QuestionnaireBody From(KnowledgeBase knowledgeBase) => new(
        knowledgeBase.Version,
        [.. knowledgeBase.Questions.Select(QuestionBody.From)],
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

    public static QuestionBody From(Question question) => new()
    {
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
        _ => "many",
    };
}

public sealed record OptionBody(string Value, string Label);

public sealed record StepBody(string Id, string Title, IReadOnlyList<string> QuestionIds);
