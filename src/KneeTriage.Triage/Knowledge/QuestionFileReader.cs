using System.Text.RegularExpressions;
using KneeTriage.Triage.Knowledge.Criteria;
using KneeTriage.Triage.Knowledge.Yaml;

namespace KneeTriage.Triage.Knowledge;

/// <summary>Reads and checks <c>questions.yaml</c>: the steps of the symptom check and their questions.</summary>
internal static partial class QuestionFileReader
{
    public static IReadOnlyList<QuestionStep> Read(YamlEntry root)
    {
        root.AllowOnly("steps");
        var stepEntries = root.Required("steps").Items();
        if (stepEntries.Count == 0)
        {
            throw root.Error("'steps' needs at least one step");
        }

        var seenSteps = new HashSet<string>(StringComparer.Ordinal);
        var questionEntries = new Dictionary<string, YamlEntry>(StringComparer.Ordinal);
        var steps = new List<(QuestionStep Step, List<Question> Questions)>();
        foreach (var stepEntry in stepEntries)
        {
            stepEntry.AllowOnly("id", "title", "intro", "questions");
            var stepId = Identifier(stepEntry);
            var named = stepEntry.Named($"step '{stepId}'");
            if (!seenSteps.Add(stepId))
            {
                throw named.Error($"the step id '{stepId}' is used twice");
            }

            var questions = new List<Question>();
            foreach (var questionEntry in named.Required("questions").Items())
            {
                var question = ReadQuestion(questionEntry, stepId);
                if (!questionEntries.TryAdd(question.Id, questionEntry.Named($"question '{question.Id}'")))
                {
                    throw questionEntry.Error($"the question id '{question.Id}' is used twice");
                }

                questions.Add(question);
            }

            var step = new QuestionStep
            {
                Id = stepId,
                Title = named.RequiredText("title"),
                Intro = named.OptionalText("intro"),
                Questions = questions,
            };
            steps.Add((step, questions));
        }

        // Dependencies name other questions, so they are read once every question is known.
        var ordered = steps.SelectMany(s => s.Questions).ToList();
        CheckPartIds(ordered, questionEntries);
        var criteria = new CriterionReader(ordered.ToDictionary(q => q.Id, StringComparer.Ordinal), new QuestionCatalog(ordered));
        return steps.Select(s => s.Step with { Questions = s.Questions.Select(q => WithDependencies(q, questionEntries[q.Id], criteria)).ToList() }).ToList();
    }

    private static Question ReadQuestion(YamlEntry entry, string stepId)
    {
        entry.AllowOnly("id", "type", "required", "text", "help", "accepts", "min", "max", "unit", "options", "requiredWhen", "onlyWhen", "shownWhen", "askedAs", "askedAsNeeds", "noneFits", "askedAfresh", "scale");
        var id = Identifier(entry);
        entry = entry.Named($"question '{id}'");
        var typeEntry = entry.Required("type");
        var type = typeEntry.Text() switch
        {
            "integer" => QuestionType.Integer,
            "boolean" => QuestionType.Boolean,
            "one" => QuestionType.One,
            "many" => QuestionType.Many,
            "activities" => QuestionType.Activities,
            var other => throw typeEntry.Error($"unknown type '{other}'; use integer, boolean, one, many or activities"),
        };

        var question = new Question
        {
            Id = id,
            Step = stepId,
            Type = type,
            Text = entry.RequiredText("text"),
            Help = entry.OptionalText("help"),
            Accepts = entry.RequiredText("accepts"),
            Required = entry.Required("required").Boolean(),
            Min = entry.OptionalInteger("min"),
            Max = entry.OptionalInteger("max"),
            Unit = entry.OptionalText("unit"),
            Options = entry.Optional("options") is { } options ? ReadOptions(options) : [],
            NoneFits = entry.OptionalText("noneFits"),
            AskedAfresh = entry.OptionalBoolean("askedAfresh", fallback: false),
            Scale = ReadScale(entry, type),
        };
        if (question.NoneFits is not null && (type != QuestionType.One || question.Required || entry.Optional("requiredWhen") is not null))
        {
            throw entry.Required("noneFits").Error("'noneFits' is only for a single-choice question that may be left unanswered");
        }

        CheckShape(entry, question);
        return question;
    }

    /// <summary>The activities question's scale words (required there), which no other question has.</summary>
    private static ScoreScaleWords? ReadScale(YamlEntry entry, QuestionType type)
    {
        if (entry.Optional("scale") is not { } scale)
        {
            return type == QuestionType.Activities ? throw entry.Error("an activities question needs 'scale': direction, scoreLabel and readBack") : null;
        }

        if (type != QuestionType.Activities)
        {
            throw scale.Error("only an activities question has 'scale'");
        }

        scale.AllowOnly("direction", "scoreLabel", "readBack");
        return new ScoreScaleWords
        {
            Direction = scale.RequiredText("direction"),
            ScoreLabel = scale.RequiredText("scoreLabel"),
            ReadBack = scale.RequiredText("readBack"),
        };
    }

    private static List<AnswerOption> ReadOptions(YamlEntry list)
    {
        var options = new List<AnswerOption>();
        foreach (var item in list.Items())
        {
            item.AllowOnly("value", "label", "help", "short");
            var value = Identifier(item, "value");
            var named = item.Named($"{list.Path} '{value}'");
            if (options.Any(o => o.Value == value))
            {
                throw named.Error($"the option '{value}' is listed twice");
            }

            options.Add(new AnswerOption { Value = value, Label = named.RequiredText("label"), Help = named.OptionalText("help"), Short = named.OptionalText("short") });
        }

        return options;
    }

    private static void CheckShape(YamlEntry entry, Question question)
    {
        var hasOptions = question.Type is QuestionType.One or QuestionType.Many;
        if (hasOptions && question.Options.Count == 0)
        {
            throw entry.Error("a one or many question needs options");
        }

        if (question.Options.Count > QuestionCatalog.MaximumOptions)
        {
            throw entry.Error($"a question can have at most {QuestionCatalog.MaximumOptions} options");
        }

        if (!hasOptions && question.Options.Count > 0)
        {
            throw entry.Error("only one and many questions have options");
        }

        if (question.Type == QuestionType.Integer && (question.Min is not { } min || question.Max is not { } max || min > max))
        {
            throw entry.Error("an integer question needs min and max, with min no more than max");
        }

        if (question.Type != QuestionType.Integer && (question.Min is not null || question.Max is not null))
        {
            throw entry.Error("only integer questions have min and max");
        }

        foreach (var option in question.Options.Where(o => !NamesValue(question.Accepts, o.Value)))
        {
            throw entry.Error($"'accepts' must name every option value so error messages list them, but '{option.Value}' is missing");
        }
    }

    private static Question WithDependencies(Question question, YamlEntry entry, CriterionReader criteria)
    {
        var requiredWhen = ReadDependency(entry, "requiredWhen", criteria);
        if (requiredWhen is not null && question.Required)
        {
            throw entry.Error("a question with requiredWhen must have required: false");
        }

        return question with
        {
            RequiredWhen = requiredWhen,
            OnlyWhen = ReadDependency(entry, "onlyWhen", criteria),
            ShownWhen = ReadDependency(entry, "shownWhen", criteria),
            Parts = ReadParts(entry, question, criteria),
            EveryPartNeeded = ReadPartsNeeded(entry),
        };
    }

    /// <summary>askedAsNeeds: "any" (the default: one part's sign is the sign) or "every" (two facts that make one sign only together).</summary>
    private static bool ReadPartsNeeded(YamlEntry entry)
    {
        if (entry.Optional("askedAsNeeds") is not { } needs)
        {
            return false;
        }

        if (entry.Optional("askedAs") is null)
        {
            throw needs.Error("'askedAsNeeds' needs 'askedAs' parts");
        }

        return needs.Text() switch
        {
            "any" => false,
            "every" => true,
            var other => throw needs.Error($"'{other}' is not any or every: say whether one part's sign is enough"),
        };
    }

    /// <summary>The form's yes/no parts of a boolean question (askedAs), each asked positively.</summary>
    private static List<QuestionPart> ReadParts(YamlEntry entry, Question question, CriterionReader criteria)
    {
        if (entry.Optional("askedAs") is not { } list)
        {
            return [];
        }

        if (question.Type != QuestionType.Boolean)
        {
            throw list.Error("only a boolean question can be asked as yes/no parts");
        }

        var parts = new List<QuestionPart>();
        foreach (var item in list.Items())
        {
            item.AllowOnly("id", "text", "help", "signWhen", "shownWhen");
            var id = Identifier(item);
            var named = item.Named($"part '{id}'");
            var signEntry = named.Required("signWhen");
            var signWhen = signEntry.Text() switch
            {
                "yes" => true,
                "no" => false,
                var other => throw signEntry.Error($"'{other}' is not yes or no: say which answer means the sign is there"),
            };
            parts.Add(new QuestionPart
            {
                Id = id,
                Text = named.RequiredText("text"),
                Help = named.OptionalText("help"),
                SignWhen = signWhen,
                ShownWhen = ReadDependency(named, "shownWhen", criteria),
            });
        }

        return parts.Count > 0 ? parts : throw list.Error("'askedAs' needs at least one part");
    }

    /// <summary>A part is a form field, so its id may not be a question's id or another part's.</summary>
    private static void CheckPartIds(List<Question> questions, Dictionary<string, YamlEntry> entries)
    {
        var seen = questions.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            if (entries[question.Id].Optional("askedAs") is not { } list)
            {
                continue;
            }

            foreach (var item in list.Items())
            {
                if (item.Optional("id") is { } idEntry && !seen.Add(idEntry.Text()))
                {
                    throw idEntry.Error($"the part id '{idEntry.Text()}' is already a question's or another part's id");
                }
            }
        }
    }

    private static AnswerDependency? ReadDependency(YamlEntry entry, string key, CriterionReader criteria)
    {
        if (entry.Optional(key) is not { } dependency)
        {
            return null;
        }

        dependency.AllowOnly("when", "description");
        return new AnswerDependency(criteria.Read(dependency.Required("when")), dependency.RequiredText("description"));
    }

    private static bool NamesValue(string accepts, string value) =>
        Regex.IsMatch(accepts, $@"(^|[\s,(]){Regex.Escape(value)}($|[\s,)])");

    internal static string Identifier(YamlEntry entry, string key = "id")
    {
        var idEntry = entry.Required(key);
        var id = idEntry.Text();
        return IdPattern().IsMatch(id) ? id : throw idEntry.Error($"'{id}' is not a valid id: use lower-case letters, digits and single hyphens");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
