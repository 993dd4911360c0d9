using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Knowledge.Criteria;
using KneeTriage.Web.Submission;

namespace KneeTriage.Web.Clinician;

/// <summary>
/// A risk the rules count under one warning question but the runner gave under another: arthritis,
/// ticked under "history", is an infection risk as much as a box under "infection-risk" (warning-rules.yaml:
/// <c>any: [{question: infection-risk, hasAny: [...]}, {question: history, has: arthritis}]</c>).
/// Read from the rules themselves: wherever an <c>any</c> names a tick-box question beside another
/// question's boxes, those boxes count as that question's too. Without this the summary printed
/// "Infection risks: No: none of these" beside an emergency raised by the runner's arthritis.
/// Only for the lists of risks: other <c>any</c>s join signs (calf swelling ticked under the calf
/// or under swelling), where each line already says what was ticked on it.
/// </summary>
public sealed class RisksGivenElsewhere
{
    private static readonly string[] RiskQuestions = ["infection-risk", "clot-risk"];

    private readonly Dictionary<string, (HashSet<string> Own, List<HasCriterion> Elsewhere)> _byQuestion = new(StringComparer.Ordinal);

    public RisksGivenElsewhere(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        foreach (var any in knowledgeBase.WarningRules.SelectMany(rule => AnyOf(rule.When)))
        {
            var boxes = any.Parts.OfType<HasCriterion>().ToList();
            foreach (var own in boxes.Where(b => RiskQuestions.Contains(b.QuestionId, StringComparer.Ordinal)))
            {
                if (!_byQuestion.TryGetValue(own.QuestionId, out var known))
                {
                    known = (new HashSet<string>(StringComparer.Ordinal), []);
                    _byQuestion[own.QuestionId] = known;
                }

                known.Own.UnionWith(own.Values);
                known.Elsewhere.AddRange(boxes.Where(b => b.QuestionId != own.QuestionId && !known.Elsewhere.Contains(b)));
            }
        }
    }

    /// <summary>
    /// The warning question's fact with the risks given elsewhere named, when its own line names none
    /// ("No: none of these", "Not answered", or only a box the rules do not count, such as gout):
    /// "arthritis (ticked under History of this knee)". A line that already names a risk of its own,
    /// or says "not sure", is left as it is (it says no "none", and the one page has no room to spare).
    /// </summary>
    /// <param name="stored">The answers as stored (as assessed).</param>
    /// <param name="lines">The result's answer lines by question id.</param>
    public SummaryFact Complete(Question question, SummaryFact fact, IReadOnlyList<string> ticked, AnswerSet stored, IReadOnlyDictionary<string, AnswerLine> lines, KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(fact);
        ArgumentNullException.ThrowIfNull(ticked);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        if (!_byQuestion.TryGetValue(question.Id, out var risks)
            || lines.GetValueOrDefault(question.Id)?.Unsure == true
            || ticked.Any(risks.Own.Contains))
        {
            return fact;
        }

        var given = risks.Elsewhere
            .SelectMany(box => box.Values.Where(value => stored.Has(box.QuestionId, value)).Select(value => Words(knowledgeBase.FindQuestion(box.QuestionId), value, lines.GetValueOrDefault(box.QuestionId))))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (given.Count == 0)
        {
            return fact;
        }

        var elsewhere = string.Join("; ", given);
        return fact with { Answer = fact.IsSign ? $"{fact.Answer}; {elsewhere}" : elsewhere, IsSign = true };
    }

    /// <summary>
    /// "gout (ticked under History)", or "(under History: not sure, read as ticked)" when the box was
    /// read in for "not sure". A short label with its own note ("arthritis in this knee or in many
    /// joints (not said which)") shares one pair of brackets with where it was ticked.
    /// </summary>
    private static string Words(Question? other, string value, AnswerLine? otherLine)
    {
        var words = other?.Options.FirstOrDefault(o => o.Value == value)?.Short ?? value.Replace('-', ' ');
        var where = other is null ? "another question" : WarningQuestionLabels.For(other.Id) ?? other.Text;
        var how = otherLine?.Unsure == true ? $"under {where}: not sure, read as ticked" : $"ticked under {where}";
        return words.EndsWith(')') && words.LastIndexOf(" (", StringComparison.Ordinal) is > 0 and var note
            ? $"{words[..note]} ({words[(note + 2)..^1]}; {how})"
            : $"{words} ({how})";
    }

    private static IEnumerable<AnyCriterion> AnyOf(AnswerCriterion criterion) => criterion switch
    {
        AnyCriterion any => [any, .. any.Parts.SelectMany(AnyOf)],
        AllCriterion all => all.Parts.SelectMany(AnyOf),
        NotCriterion => [],
        _ => [],
    };
}
