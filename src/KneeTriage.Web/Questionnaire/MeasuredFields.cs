using System.Globalization;
using System.Text.RegularExpressions;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Submission;

namespace KneeTriage.Web.Questionnaire;

/// <summary>What a step's feet, inches and pounds fields held, and what they come to in the contract's units.</summary>
/// <param name="Typed">What was typed, by form field (<c>height-cm-feet</c>), kept in the draft so the runner sees it again as typed.</param>
/// <param name="Metric">The contract's value by question id (<c>height-cm</c>: "178"), for the validator and the stored answers.</param>
/// <param name="Unreadable">The questions whose fields held something that is not a height or weight.</param>
/// <param name="AskedIn">The questions the page asked in feet, inches or pounds (their fields were posted).</param>
public sealed record MeasuredReading(
    IReadOnlyDictionary<string, string[]> Typed,
    IReadOnlyDictionary<string, string[]> Metric,
    IReadOnlySet<string> Unreadable,
    IReadOnlySet<string> AskedIn);

/// <summary>
/// Height and weight asked in the viewer's units (<see cref="ViewerBodyUnits"/>). The knowledge base
/// asks <c>height-cm</c> (unit cm) and <c>weight-kg</c> (unit kg), and the contract stores them so;
/// a page for feet, inches and pounds asks those instead, in fields of their own names, and converts
/// before anything is kept. The fields are told apart by name, not by the country at the time of
/// posting, so a form asked in pounds is never read as kilograms (a country changed in another tab).
/// </summary>
public static partial class MeasuredFields
{
    private const decimal CentimetresPerInch = 2.54m;
    private const decimal KilogramsPerPound = 0.45359237m;

    public static bool IsHeight(Question question) => question.Type == QuestionType.Integer && question.Unit == "cm";

    public static bool IsWeight(Question question) => question.Type == QuestionType.Integer && question.Unit == "kg";

    public static bool IsMeasured(Question question) => IsHeight(question) || IsWeight(question);

    public static string FeetField(Question question) => $"{question.Id}-feet";

    public static string InchesField(Question question) => $"{question.Id}-inches";

    public static string PoundsField(Question question) => $"{question.Id}-pounds";

    /// <summary>The fields that ask the question in feet and inches, or pounds; none for any other question.</summary>
    public static IReadOnlyList<string> ImperialFields(Question question) => [.. ImperialFieldsAndUnits(question).Select(f => f.Field)];

    /// <summary>Each field that asks the question in feet and inches, or pounds, with the unit shown as its label.</summary>
    public static IReadOnlyList<(string Field, string Unit)> ImperialFieldsAndUnits(Question question) =>
        IsHeight(question) ? [(FeetField(question), "feet"), (InchesField(question), "inches")]
        : IsWeight(question) ? [(PoundsField(question), "pounds")]
        : [];

    /// <summary>The id of the first field the page draws for the question in these units (where a link to it lands).</summary>
    public static string FirstFieldId(Question question, BodyUnits units) =>
        units == BodyUnits.FeetInchesPounds && IsMeasured(question) ? ImperialFields(question)[0] : question.Id;

    /// <summary>Reads the step's feet, inches and pounds fields, where the page asked them.</summary>
    public static MeasuredReading Read(QuestionStep step, IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(form);
        var typed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var metric = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        var askedIn = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in step.Questions.Where(IsMeasured))
        {
            var fields = ImperialFields(question);
            if (!fields.Any(form.ContainsKey))
            {
                continue;
            }

            askedIn.Add(question.Id);
            var values = fields.ToDictionary(f => f, f => form[f].ToString().Trim(), StringComparer.Ordinal);
            foreach (var (field, text) in values.Where(v => v.Value.Length > 0))
            {
                typed[field] = [text];
            }

            if (values.Values.All(v => v.Length == 0))
            {
                continue;
            }

            var converted = IsHeight(question)
                ? Centimetres(values[FeetField(question)], values[InchesField(question)])
                : Kilograms(values[PoundsField(question)]);
            if (converted is { } value)
            {
                metric[question.Id] = [value.ToString(CultureInfo.InvariantCulture)];
            }
            else
            {
                unreadable.Add(question.Id);
            }
        }

        return new MeasuredReading(typed, metric, unreadable, askedIn);
    }

    /// <summary>
    /// What the page's fields show for the question: what was typed when it still comes to the kept
    /// value (or nothing is kept yet, as after an error), otherwise the kept value in these units.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Shown(Question question, IReadOnlyDictionary<string, string[]> values, BodyUnits units)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(values);
        var fields = ImperialFields(question);
        if (units != BodyUnits.FeetInchesPounds || fields.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var typed = fields.ToDictionary(f => f, f => values.GetValueOrDefault(f)?.FirstOrDefault() ?? string.Empty, StringComparer.Ordinal);
        var kept = values.GetValueOrDefault(question.Id)?.FirstOrDefault();
        var keptNumber = int.TryParse(kept, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (int?)null;
        var typedComesTo = IsHeight(question) ? Centimetres(typed[fields[0]], typed[fields[1]]) : Kilograms(typed[fields[0]]);
        if (keptNumber is null || (typed.Values.Any(v => v.Length > 0) && typedComesTo == keptNumber))
        {
            return typed;
        }

        if (IsHeight(question))
        {
            var (feet, inches) = FeetAndInches(Inches(keptNumber.Value));
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [fields[0]] = feet.ToString(CultureInfo.InvariantCulture),
                [fields[1]] = inches.ToString(CultureInfo.InvariantCulture),
            };
        }

        return new Dictionary<string, string>(StringComparer.Ordinal) { [fields[0]] = Pounds(keptNumber.Value).ToString(CultureInfo.InvariantCulture) };
    }

    /// <summary>
    /// The form's message for a height or weight asked in feet, inches or pounds that cannot be kept
    /// (not a number, or outside the range the contract takes, given in the same units).
    /// </summary>
    public static string Message(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (IsHeight(question))
        {
            var (lowest, highest) = Range(question, inches => Round(inches * CentimetresPerInch));
            return $"Enter your height in feet and inches, from {FeetAndInchesWords(lowest)} to {FeetAndInchesWords(highest)}, or leave both boxes empty.";
        }

        var (least, most) = Range(question, pounds => Round(pounds * KilogramsPerPound));
        return $"Enter your weight in pounds, a number from {least.ToString(CultureInfo.InvariantCulture)} to {most.ToString(CultureInfo.InvariantCulture)}, or leave it empty.";
    }

    /// <summary>
    /// A kept height or weight as it is kept, in whole centimetres or kilograms, with the viewer's
    /// units after it as what it comes to ("61 kg (about 134 pounds)"): typed as 135 pounds, it was
    /// kept as 61 kg, and a read-back of "134 pounds" alone looked like a number the runner never
    /// typed (walk 20). As the knowledge base writes it ("178 cm") for metric units.
    /// </summary>
    public static string InWords(Question question, decimal value, BodyUnits units)
    {
        ArgumentNullException.ThrowIfNull(question);
        var metric = $"{value.ToString(CultureInfo.InvariantCulture)} {question.Unit}";
        if (units != BodyUnits.FeetInchesPounds || !IsMeasured(question))
        {
            return metric;
        }

        return IsHeight(question)
            ? $"{metric} (about {FeetAndInchesWords(Inches(value))})"
            : $"{metric} (about {Pounds(value).ToString(CultureInfo.InvariantCulture)} pounds)";
    }

    /// <summary>
    /// The result's height and weight lines in the viewer's units, read from the stored answers (the
    /// lines keep the words they were stored with: "178 cm"). Every other line is kept as stored.
    /// </summary>
    public static IReadOnlyList<AnswerLine> InViewerUnits(KnowledgeBase knowledgeBase, IReadOnlyList<AnswerLine> lines, AnswerSet stored, BodyUnits units)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(stored);
        if (units == BodyUnits.Metric)
        {
            return lines;
        }

        return [.. lines.Select(line => knowledgeBase.FindQuestion(line.QuestionId) is { } question && IsMeasured(question)
            && stored.TryGetValue(question.Id, out var value) && value is NumberAnswer number
                ? line with { Answer = InWords(question, number.Value, units) }
                : line)];
    }

    /// <summary>"5 feet 10 inches", "6 feet", "5 feet 1 inch".</summary>
    private static string FeetAndInchesWords(int totalInches)
    {
        var (feet, inches) = FeetAndInches(totalInches);
        var feetWords = $"{feet.ToString(CultureInfo.InvariantCulture)} {(feet == 1 ? "foot" : "feet")}";
        return inches == 0 ? feetWords : $"{feetWords} {inches.ToString(CultureInfo.InvariantCulture)} {(inches == 1 ? "inch" : "inches")}";
    }

    private static (int Feet, int Inches) FeetAndInches(int totalInches) => (totalInches / 12, totalInches % 12);

    /// <summary>A kept height in whole inches: the step's boxes and the read-back both start from it.</summary>
    private static int Inches(decimal centimetres) => Round(centimetres / CentimetresPerInch);

    /// <summary>A kept weight in whole pounds: the step's box and the read-back both start from it.</summary>
    private static int Pounds(decimal kilograms) => Round(kilograms / KilogramsPerPound);

    /// <summary>
    /// The whole imperial amounts that come to the question's min and max once rounded to its
    /// whole metric unit (66 pounds is 29.9 kg, kept as 30).
    /// </summary>
    private static (int Lowest, int Highest) Range(Question question, Func<int, int> toMetric)
    {
        var min = question.Min ?? 0;
        var max = question.Max ?? int.MaxValue;
        var lowest = 0;
        while (toMetric(lowest) < min)
        {
            lowest++;
        }

        var highest = lowest;
        while (toMetric(highest + 1) <= max)
        {
            highest++;
        }

        return (lowest, highest);
    }

    /// <summary>Feet and inches in two boxes, or both in the feet box as typed (5'10", 5 ft 10 in), as whole centimetres.</summary>
    private static int? Centimetres(string feetText, string inchesText)
    {
        decimal? feet = null, inches = null;
        if (feetText.Length > 0)
        {
            var both = FeetAndInchesPattern().Match(Plain(feetText));
            if (!both.Success)
            {
                return null;
            }

            feet = decimal.Parse(both.Groups["feet"].Value, CultureInfo.InvariantCulture);
            if (both.Groups["inches"].Success)
            {
                if (inchesText.Length > 0)
                {
                    return null;
                }

                inches = decimal.Parse(both.Groups["inches"].Value, CultureInfo.InvariantCulture);
            }
        }

        if (inchesText.Length > 0)
        {
            var alone = InchesPattern().Match(Plain(inchesText));
            if (!alone.Success)
            {
                return null;
            }

            inches = decimal.Parse(alone.Groups["inches"].Value, CultureInfo.InvariantCulture);
        }

        return Round((((feet ?? 0) * 12) + (inches ?? 0)) * CentimetresPerInch);
    }

    /// <summary>Pounds as typed ("170", "170 lb", "170.5 pounds"), as whole kilograms.</summary>
    private static int? Kilograms(string poundsText)
    {
        var match = PoundsPattern().Match(Plain(poundsText));
        return match.Success ? Round(decimal.Parse(match.Groups["pounds"].Value, CultureInfo.InvariantCulture) * KilogramsPerPound) : null;
    }

    /// <summary>
    /// Typographic primes and quotes as the plain marks people mean by them. Anything longer than a
    /// height or weight is ever written is no height or weight (and never reaches the patterns).
    /// </summary>
    private static string Plain(string text) => text.Length > 32 ? string.Empty : text
        .Replace('\u2032', '\'').Replace('\u2019', '\'').Replace('\u2018', '\'')
        .Replace("\u2033", "\"", StringComparison.Ordinal).Replace("\u201D", "\"", StringComparison.Ordinal).Replace("\u201C", "\"", StringComparison.Ordinal)
        .Replace("''", "\"", StringComparison.Ordinal)
        .Trim();

    private static int Round(decimal value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    /// <summary>A whole or decimal amount; feet are whole ("5.10" is refused rather than read as 5.1 feet or as 5 feet 10 inches).</summary>
    private const string Number = @"\d{1,4}(?:\.\d{1,2})?";

    [GeneratedRegex($@"^(?<feet>\d{{1,2}})\s*(?:'|ft\.?|feet|foot)?(?:\s*(?<inches>{Number})\s*(?:""|in\.?|inch|inches)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FeetAndInchesPattern();

    [GeneratedRegex($@"^(?<inches>{Number})\s*(?:""|in\.?|inch|inches)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InchesPattern();

    [GeneratedRegex($@"^(?<pounds>{Number})\s*(?:lbs?\.?|pounds?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PoundsPattern();
}
