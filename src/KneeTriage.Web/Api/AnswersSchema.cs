using System.Globalization;
using System.Text.Json.Nodes;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Validation;
using Microsoft.OpenApi;

namespace KneeTriage.Web.Api;

/// <summary>
/// The "answers" object of the API, described from the loaded knowledge base: one property per
/// question with its type, options or range and whether it is required, so a question added to
/// content/triage appears in /openapi/v1.json with nothing else to change. Rules that depend on
/// other answers (required when, asked only when, contradictions) are stated in <c>allOf</c>,
/// generated from the same knowledge base by <see cref="AnswerRulesSchema"/>, and in words in
/// each property's description.
/// </summary>
public static class AnswersSchema
{
    public const string Name = "Answers";

    public static OpenApiSchema Build(KnowledgeBase knowledgeBase, AnswerSetValidator validator)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var question in knowledgeBase.Questions)
        {
            properties[question.Id] = Property(question, knowledgeBase.IsWarningQuestion(question.Id));
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The answers keyed by question id (GET /api/questionnaire lists the questions with their text). "
                + "Leave out a question that is not answered; an unknown id is refused.",
            Properties = properties,
            Required = knowledgeBase.Questions.Where(q => q.Required).Select(q => q.Id).ToHashSet(StringComparer.Ordinal),
            AdditionalPropertiesAllowed = false,
            AllOf = AnswerRulesSchema.Build(knowledgeBase),
            Examples = [Example(knowledgeBase, validator)],
        };
    }

    private static OpenApiSchema Property(Question question, bool warning)
    {
        var description = string.Join(' ', new[]
        {
            question.Text,
            $"Accepted: {question.Accepts}.",
            warning ? "A warning question: list it in the body's \"unsure\" when the answer is not known (read as yes, or as the most cautious option)." : null,
            question.ShownWhen is { } shownWhen ? $"The web form asks it {shownWhen.Description}; an answer is accepted whatever else is answered." : null,
            question.RequiredWhen is { } requiredWhen ? $"Required {requiredWhen.Description}." : null,
            question.OnlyWhen is { } onlyWhen ? $"Answered {onlyWhen.Description}; leave it out otherwise." : null,
        }.OfType<string>());
        return question.Type switch
        {
            QuestionType.Integer => new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Minimum = question.Min?.ToString(CultureInfo.InvariantCulture),
                Maximum = question.Max?.ToString(CultureInfo.InvariantCulture),
                Description = description,
            },
            QuestionType.Boolean => new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = description },
            QuestionType.One => new OpenApiSchema { Type = JsonSchemaType.String, Enum = OptionValues(question), Description = description },
            QuestionType.Activities => ActivitiesProperty(description),
            _ => new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = OptionValues(question) },
                UniqueItems = true,
                // A required list must not be empty: an empty list is no answer.
                MinItems = question.Required ? 1 : null,
                Description = description + " An empty list means none of these.",
            },
        };
    }

    /// <summary>Contract v1.2's activities type: 1 to 3 entries of an activity (1 to 60 characters) and a score (0 to 10).</summary>
    private static OpenApiSchema ActivitiesProperty(string description) => new()
    {
        Type = JsonSchemaType.Array,
        MinItems = 1,
        MaxItems = ActivitiesAnswer.MaximumEntries,
        Items = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                [Submission.AnswersJson.ActivityField] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    MinLength = 1,
                    MaxLength = ActivitiesAnswer.MaximumActivityLength,
                    Description = "Something the runner finds harder than before, in their own words (one line). Never shown on a board or written to a log.",
                },
                [Submission.AnswersJson.ScoreField] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Minimum = "0",
                    Maximum = ActivitiesAnswer.MaximumScore.ToString(CultureInfo.InvariantCulture),
                    Description = "0 = unable to do it, 10 = as well as before the pain.",
                },
            },
            Required = new HashSet<string>(StringComparer.Ordinal) { Submission.AnswersJson.ActivityField, Submission.AnswersJson.ScoreField },
            AdditionalPropertiesAllowed = false,
        },
        Description = description + " Errors are keyed activities and name the entry by position (\"entry 2: score must be 0 to 10\").",
    };

    private static List<JsonNode> OptionValues(Question question) => [.. question.Options.Select(o => (JsonNode)JsonValue.Create(o.Value))];

    /// <summary>
    /// An answer set the validator accepts: every required question answered, then the questions the
    /// validator still asks for added and those it says to leave out removed, until it is satisfied.
    /// </summary>
    public static JsonObject Example(KnowledgeBase knowledgeBase, AnswerSetValidator validator)
    {
        var answers = knowledgeBase.Questions.Where(q => q.Required).ToDictionary(q => q.Id, FirstAnswer, StringComparer.Ordinal);
        for (var round = 0; round < 10; round++)
        {
            var set = answers.Aggregate(AnswerSet.Empty, (current, answer) => current.With(answer.Key, answer.Value));
            var errors = validator.Validate(set).Errors;
            if (errors.Count == 0)
            {
                break;
            }

            foreach (var error in errors)
            {
                if (error.ErrorCode == AnswerErrorCodes.NotApplicable)
                {
                    answers.Remove(error.PropertyName);
                }
                else if (knowledgeBase.FindQuestion(error.PropertyName) is { } question)
                {
                    answers[question.Id] = FirstAnswer(question);
                }
            }
        }

        var json = new JsonObject();
        foreach (var question in knowledgeBase.Questions)
        {
            if (answers.TryGetValue(question.Id, out var value))
            {
                json[question.Id] = ToJson(value);
            }
        }

        return json;
    }

    private static AnswerValue FirstAnswer(Question question) => question.Type switch
    {
        QuestionType.Integer => new NumberAnswer(question.Min ?? 0),
        QuestionType.Boolean => new BooleanAnswer(false),
        QuestionType.One => new TextAnswer(question.Options[0].Value),
        _ => new ListAnswer([question.Options[0].Value]),
    };

    private static JsonNode? ToJson(AnswerValue value) => value switch
    {
        NumberAnswer number => JsonValue.Create((int)number.Value),
        BooleanAnswer boolean => JsonValue.Create(boolean.Value),
        TextAnswer text => JsonValue.Create(text.Value),
        ListAnswer list => new JsonArray([.. list.Values.Select(v => (JsonNode?)JsonValue.Create(v))]),
        _ => null,
    };
}
