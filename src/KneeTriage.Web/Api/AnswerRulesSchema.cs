using System.Globalization;
using System.Text.Json.Nodes;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Knowledge.Criteria;
using Microsoft.OpenApi;

namespace KneeTriage.Web.Api;

/// <summary>
/// The answers' cross-field rules as JSON Schema, generated from the knowledge base's own structures
/// so that a rule added to content/triage is in /openapi/v1.json with no code to change: each
/// question's <c>requiredWhen</c> (<c>if</c> the criterion holds <c>then</c> it is answered), its
/// <c>onlyWhen</c> (<c>if</c> it is answered <c>then</c> the criterion holds) and each entry of
/// contradictions.yaml (<c>not</c> its criterion). A criterion becomes the schema of the answer sets
/// it holds for, with the engine's reading of an absent answer: it matches nothing, and an empty
/// list is no answer at all.
/// </summary>
public static class AnswerRulesSchema
{
    public static List<IOpenApiSchema> Build(KnowledgeBase knowledgeBase)
    {
        var rules = new List<IOpenApiSchema>();
        foreach (var question in knowledgeBase.Questions)
        {
            if (question.RequiredWhen is { } requiredWhen)
            {
                rules.Add(new OpenApiSchema
                {
                    Description = $"{question.Id} is required {requiredWhen.Description}.",
                    If = Criterion(knowledgeBase, requiredWhen.When),
                    Then = Answered(question),
                });
            }

            if (question.OnlyWhen is { } onlyWhen)
            {
                rules.Add(new OpenApiSchema
                {
                    Description = $"{question.Id} is answered {onlyWhen.Description}.",
                    If = Answered(question),
                    Then = Criterion(knowledgeBase, onlyWhen.When),
                });
            }
        }

        foreach (var contradiction in knowledgeBase.Contradictions)
        {
            rules.Add(new OpenApiSchema
            {
                Description = $"Contradiction '{contradiction.Id}': these answers to {string.Join(" and ", contradiction.QuestionIds)} cannot all be true for one runner.",
                Not = Criterion(knowledgeBase, contradiction.When),
            });
        }

        return rules;
    }

    /// <summary>The question has an answer: present, and for a list, not empty (an empty list means none of these).</summary>
    public static OpenApiSchema Answered(Question question) => question.Type == QuestionType.Many
        ? On(question.Id, new OpenApiSchema { MinItems = 1 })
        : new OpenApiSchema { Required = new HashSet<string>(StringComparer.Ordinal) { question.Id } };

    private static OpenApiSchema Criterion(KnowledgeBase knowledgeBase, AnswerCriterion criterion) => criterion switch
    {
        AllCriterion all => new OpenApiSchema { AllOf = [.. all.Parts.Select(p => (IOpenApiSchema)Criterion(knowledgeBase, p))] },
        AnyCriterion any => new OpenApiSchema { AnyOf = [.. any.Parts.Select(p => (IOpenApiSchema)Criterion(knowledgeBase, p))] },
        NotCriterion not => new OpenApiSchema { Not = Criterion(knowledgeBase, not.Part) },
        HasCriterion has => On(has.QuestionId, IsList(knowledgeBase, has.QuestionId)
            ? new OpenApiSchema { Contains = new OpenApiSchema { Enum = Values(has.Values) } }
            : new OpenApiSchema { Enum = Values(has.Values) }),
        IsTrueCriterion { Expected: true } isTrue => On(isTrue.QuestionId, new OpenApiSchema { Enum = [JsonValue.Create(true)] }),
        IsTrueCriterion isNotTrue => new OpenApiSchema { Not = On(isNotTrue.QuestionId, new OpenApiSchema { Enum = [JsonValue.Create(true)] }) },
        // A count of zero or less holds for every answer set, an absent answer included.
        CountAtLeastCriterion { Minimum: <= 0 } => new OpenApiSchema(),
        CountAtLeastCriterion count => On(count.QuestionId, new OpenApiSchema { MinItems = count.Minimum }),
        NumberCriterion number => On(number.QuestionId, Range(number)),
        _ => throw new InvalidOperationException($"No JSON Schema for the criterion {criterion.GetType().Name}; add it to {nameof(AnswerRulesSchema)}."),
    };

    /// <summary>The question is present and its answer fits <paramref name="answer"/>.</summary>
    private static OpenApiSchema On(string questionId, OpenApiSchema answer) => new()
    {
        Required = new HashSet<string>(StringComparer.Ordinal) { questionId },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal) { [questionId] = answer },
    };

    /// <summary>
    /// Answers and thresholds are whole numbers (the knowledge base reads thresholds as integers), so
    /// "over 3" is "at least 4": plain minimum and maximum, which every tool reads alike.
    /// </summary>
    private static OpenApiSchema Range(NumberCriterion number)
    {
        var threshold = number.Threshold;
        decimal? minimum = number.Comparison switch
        {
            NumberComparison.Over => threshold + 1,
            NumberComparison.AtLeast => threshold,
            _ => null,
        };
        decimal? maximum = number.Comparison switch
        {
            NumberComparison.Under => threshold - 1,
            NumberComparison.AtMost => threshold,
            _ => null,
        };
        return new OpenApiSchema
        {
            Minimum = minimum?.ToString(CultureInfo.InvariantCulture),
            Maximum = maximum?.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static bool IsList(KnowledgeBase knowledgeBase, string questionId) => knowledgeBase.FindQuestion(questionId)?.Type == QuestionType.Many;

    private static List<JsonNode> Values(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
}
