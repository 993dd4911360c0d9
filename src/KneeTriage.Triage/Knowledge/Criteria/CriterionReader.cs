using System.Globalization;
using KneeTriage.Triage.Knowledge.Yaml;

namespace KneeTriage.Triage.Knowledge.Criteria;

/// <summary>
/// Reads a criterion from the knowledge base and checks every question id and option value it
/// names against the questions, so a typo fails at start-up rather than never matching.
/// </summary>
internal sealed class CriterionReader(IReadOnlyDictionary<string, Question> questions, QuestionCatalog catalog)
{
    private static readonly string[] Keys = ["all", "any", "not", "question", "has", "hasAny", "isTrue", "countAtLeast", "over", "atLeast", "under", "atMost"];

    public AnswerCriterion Read(YamlEntry entry)
    {
        entry.AllowOnly(Keys);
        if (entry.Optional("all") is { } all)
        {
            return new AllCriterion(ReadParts(entry, all)) { Catalog = catalog };
        }

        if (entry.Optional("any") is { } any)
        {
            return new AnyCriterion(ReadParts(entry, any)) { Catalog = catalog };
        }

        if (entry.Optional("not") is { } not)
        {
            RequireOnly(entry, "not");
            return new NotCriterion(Read(not)) { Catalog = catalog };
        }

        return ReadLeaf(entry);
    }

    private List<AnswerCriterion> ReadParts(YamlEntry entry, YamlEntry list)
    {
        RequireOnly(entry, entry.Pairs()[0].Key);
        var parts = list.Items().Select(Read).ToList();
        return parts.Count > 0 ? parts : throw list.Error("needs at least one criterion");
    }

    private static void RequireOnly(YamlEntry entry, string key)
    {
        if (entry.Pairs().Count != 1)
        {
            throw entry.Error($"'{key}' must stand alone in its criterion");
        }
    }

    private AnswerCriterion ReadLeaf(YamlEntry entry)
    {
        var questionEntry = entry.Optional("question") ?? throw entry.Error("a criterion needs 'question' (with has, hasAny, isTrue, countAtLeast, over, atLeast, under or atMost), or 'all', 'any' or 'not'");
        var id = questionEntry.Text();
        var question = questions.GetValueOrDefault(id) ?? throw questionEntry.Error($"unknown question '{id}'");
        var operators = entry.Pairs().Where(p => p.Key != "question").ToList();
        if (operators.Count != 1)
        {
            throw entry.Error($"a criterion on '{id}' needs exactly one of has, hasAny, isTrue, countAtLeast, over, atLeast, under, atMost");
        }

        var (op, value) = operators[0];
        var index = catalog.IndexOf(id);
        QuestionCriterion criterion = op switch
        {
            "has" => Has(question, index, [KnownOption(question, value, value.Text())]),
            "hasAny" => Has(question, index, value.Items().Select(item => KnownOption(question, item, item.Text())).ToList()),
            "isTrue" => Expect(question, value, QuestionType.Boolean, new IsTrueCriterion(id, value.Boolean())),
            "countAtLeast" => Expect(question, value, QuestionType.Many, new CountAtLeastCriterion(id, value.Integer())),
            "over" => Expect(question, value, QuestionType.Integer, new NumberCriterion(id, NumberComparison.Over, value.Integer())),
            "atLeast" => Expect(question, value, QuestionType.Integer, new NumberCriterion(id, NumberComparison.AtLeast, value.Integer())),
            "under" => Expect(question, value, QuestionType.Integer, new NumberCriterion(id, NumberComparison.Under, value.Integer())),
            "atMost" => Expect(question, value, QuestionType.Integer, new NumberCriterion(id, NumberComparison.AtMost, value.Integer())),
            _ => throw value.Error($"unknown operator '{op}'"),
        };
        return criterion with { Catalog = catalog, Index = index };
    }

    private HasCriterion Has(Question question, int index, List<string> values) =>
        new(question.Id, values) { Mask = values.Aggregate(0UL, (mask, value) => mask | catalog.BitOf(index, value)) };

    private static string KnownOption(Question question, YamlEntry entry, string value)
    {
        if (question.Type is not (QuestionType.One or QuestionType.Many))
        {
            throw entry.Error($"'{question.Id}' has no options to match; it is a {question.Type.ToString().ToLower(CultureInfo.InvariantCulture)} question");
        }

        return question.Options.Any(o => o.Value == value)
            ? value
            : throw entry.Error($"'{value}' is not an option of '{question.Id}'; its options are: {string.Join(", ", question.Options.Select(o => o.Value))}");
    }

    private static QuestionCriterion Expect(Question question, YamlEntry entry, QuestionType type, QuestionCriterion criterion) =>
        question.Type == type
            ? criterion
            : throw entry.Error($"this operator needs a {type.ToString().ToLower(CultureInfo.InvariantCulture)} question, but '{question.Id}' is {question.Type.ToString().ToLower(CultureInfo.InvariantCulture)}");
}
