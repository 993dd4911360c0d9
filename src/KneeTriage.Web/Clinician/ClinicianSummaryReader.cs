using System.Runtime.CompilerServices;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Engine.Progress;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Data;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Questionnaire;
using KneeTriage.Web.Submission;

namespace KneeTriage.Web.Clinician;

/// <summary>Builds a result's <see cref="ClinicianSummary"/> from the stored result, its reading and its series.</summary>
public static class ClinicianSummaryReader
{
    /// <summary>One phrase per state, as the result's answers say it (<see cref="AnswerDescriptions"/>).</summary>
    public const string NotAsked = AnswerDescriptions.NotAsked;

    /// <inheritdoc cref="NotAsked"/>
    public const string NotAnswered = AnswerDescriptions.NotAnswered;

    /// <summary>Read from the rules once per knowledge base.</summary>
    private static readonly ConditionalWeakTable<KnowledgeBase, RisksGivenElsewhere> RisksGivenElsewhereOf = new();

    /// <summary>
    /// The header's facts. The injury (walk 23: for a 999 nerve sign after a twist the mechanism is
    /// the first thing a clinician needs) is read back in its short words ("twist", "none"): the
    /// runner's label is a sentence, and the header must stay one line of the one A4 page.
    /// </summary>
    private static readonly (string QuestionId, string Label, bool ShortWords)[] AboutQuestions =
    [
        ("age", "Age", false),
        ("side", "Side", false),
        ("injury", "Injury", true),
        ("onset", "Onset", false),
        ("duration", "Duration", false),
    ];

    /// <param name="why">The findings at the disposition's level, as the result page shows them.</param>
    /// <param name="alsoTell">The findings of a lower level.</param>
    /// <param name="series">Every stored check of the result's series, oldest first.</param>
    public static ClinicianSummary Read(
        StoredAssessment record,
        StoredResult result,
        StoredResultReading reading,
        IReadOnlyList<string> why,
        IReadOnlyList<string> alsoTell,
        IReadOnlyList<StoredAssessment> series,
        KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var lines = result.Answers.ToDictionary(l => l.QuestionId, StringComparer.Ordinal);
        var checks = series.Select(r => (Record: r, Answers: AnswersJson.Deserialize(r.AnswersJson))).ToList();
        var activities = checks
            .SelectMany(c => c.Answers.Activities(CheckComparison.ActivitiesQuestion).Select(a => a.Activity.Trim()))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var own = AnswersJson.Deserialize(record.AnswersJson);
        var risks = RisksGivenElsewhereOf.GetValue(knowledgeBase, kb => new RisksGivenElsewhere(kb));

        return new ClinicianSummary
        {
            CreatedAt = record.CreatedAt,
            About = [.. AboutQuestions.Select(q => new SummaryFact(q.Label, AboutAnswer(q.QuestionId, q.ShortWords, lines, own, knowledgeBase)))],
            Disposition = DispositionPanel.Heading(reading.Disposition),
            Why = why,
            AlsoTell = alsoTell,
            // A risk given under another question (arthritis under the knee's history) is named on its risk line, never "none".
            WarningAnswers = [.. knowledgeBase.Questions.Where(q => knowledgeBase.IsWarningQuestion(q.Id)).Select(q => risks.Complete(
                q,
                WarningAnswer(q, lines.GetValueOrDefault(q.Id), own.Choices(q.Id), own.TryGetValue(q.Id, out var stored) && stored is BooleanAnswer yesNo ? yesNo.Value : null, own),
                own.Choices(q.Id),
                own,
                lines,
                knowledgeBase))],
            // As the page lists them: by band as shown (to rule out now first), each keeping its place.
            Causes = [.. result.LikelyCauses.Select((c, i) => (Band: CauseBandWords.AsShown(reading.Bands)[i], Cause: c)).OrderBy(x => x.Band)
                .Select(x => new SummaryCause(CauseBandWords.Title(x.Band), x.Cause.Name, x.Cause.ReasonsFor, x.Cause.ReasonsAgainst))],
            Activities = activities,
            Checks = [.. checks.Select(c => Check(c.Record, c.Answers, activities, record.Token))],
        };
    }

    /// <summary>
    /// A warning question's answer for a clinician: a no is "No", nothing ticked is "No: none of
    /// these", "not sure" says how it was read, a question this result was never asked (added
    /// to the check later, or asked only in some cases) is "Not asked" rather than a no it never gave,
    /// and one asked and left blank (an API client leaving out a v1.2 question) is "Not answered", as
    /// the result's answers say: never "Not asked" for a question the check did ask.
    /// Boxes ticked are named by their contract values in words ("cold or pale, weak foot"): the
    /// runner's labels for every box of a long list would not fit the one page.
    /// </summary>
    /// A yes/no sign is read from the stored value, never from the answer line, and said under the
    /// label's own polarity: a question asked in positive parts ("Can you take four steps on this leg
    /// now?") is labelled positively ("Could take four steps, …"), so a runner who could walk reads "Yes".
    /// The lines come as the result page shows them, a skipped question already "Not asked"
    /// (<see cref="AnswerDescriptions.WithSkippedNotAsked"/>).
    /// <param name="answers">The result's answers: a question the form asks in parts is labelled by the parts this runner was asked.</param>
    public static SummaryFact WarningAnswer(Question question, AnswerLine? line, IReadOnlyList<string> ticked, bool? signStored = null, AnswerSet? answers = null)
    {
        ArgumentNullException.ThrowIfNull(ticked);
        ArgumentNullException.ThrowIfNull(question);
        var label = Label(question, line, answers);
        if (line is null || line.Answer is AnswerDescriptions.NotAsked)
        {
            return new SummaryFact(label, NotAsked);
        }

        if (line.Answer is AnswerDescriptions.NotAnswered)
        {
            return new SummaryFact(label, NotAnswered);
        }

        if (line.Parts is { Count: > 1 } parts)
        {
            // What the runner said to each part, each under the sign it names, so "Not sure" on one
            // part is never lost under a merged "No" (a sign that needs both parts, the other "no")
            // and a limp alone never reads as hip pain. The merged answer stays for anything else.
            // Each part's label names the fact it asked, so its answer is the runner's own.
            var merged = WarningAnswer(question, line with { Parts = null }, ticked, signStored);
            return merged with
            {
                IsSign = merged.IsSign || parts.Any(p => p.Answer == PartAnswer.NotSure),
                Parts = [.. parts.Select(p => new SummaryFact(WarningQuestionLabels.ForPart(p.PartId) ?? p.Question, PartAnswerWords.AsAsked(p.Answer, p.SignWhen, notSureReadAsSign: false)))],
            };
        }

        if (line.Unsure)
        {
            // A tick-box question answered "not sure" is read as its most cautious choice, never as what
            // the line shows ("None"): the answers list says "not sure: treated as yes" for the same answer.
            var read = question.Type != QuestionType.Boolean ? "treated as the most cautious choice"
                : WarningQuestionLabels.ReadsPositively(question) ? "treated as no"
                : "treated as yes";
            return new SummaryFact(label, $"Not sure ({read})") { IsSign = true };
        }

        if (question.Type == QuestionType.Boolean && signStored is bool sign)
        {
            // Under a positive label ("Could take four steps") the sign is a "no".
            var positive = WarningQuestionLabels.ReadsPositively(question);
            return sign ? new SummaryFact(label, positive ? "No" : "Yes") { IsSign = true } : new SummaryFact(label, positive ? "Yes" : "No");
        }

        return line.Answer switch
        {
            "No" => new SummaryFact(label, "No"),
            AnswerDescriptions.None => new SummaryFact(label, "No: none of these"),
            _ when question.Type == QuestionType.Many && ticked.Count > 0 => new SummaryFact(label, string.Join(", ", ticked.Select(v => question.Options.FirstOrDefault(o => o.Value == v)?.Short ?? v.Replace('-', ' ')))) { IsSign = true },
            var answer => new SummaryFact(label, answer) { IsSign = true },
        };
    }

    /// <summary>A header fact as the result's answers say it, or a chosen option's short words (its value's words without one).</summary>
    private static string AboutAnswer(string questionId, bool shortWords, Dictionary<string, AnswerLine> lines, AnswerSet answers, KnowledgeBase knowledgeBase)
    {
        var line = lines.GetValueOrDefault(questionId);
        if (shortWords && line is { Unsure: false } && answers.Choice(questionId) is { } value
            && knowledgeBase.FindQuestion(questionId) is { } question)
        {
            return question.Options.FirstOrDefault(o => o.Value == value)?.Short ?? value.Replace('-', ' ');
        }

        return line?.Answer ?? NotAsked;
    }

    /// <summary>
    /// The question's label, or, when this runner was asked only one of its parts, that part's: a
    /// runner with no injury is asked only "Can you take four steps on this leg now?", and "Could
    /// take four steps, now and straight after any injury: Yes" read back a second part never asked
    /// (walk 23). A result made on the form keeps the part it asked; one from the API (no parts) is
    /// labelled by the parts the form would have asked for its answers.
    /// </summary>
    private static string Label(Question question, AnswerLine? line, AnswerSet? answers)
    {
        var onlyPart = line?.Parts is [var asked] ? asked.PartId
            : line?.Parts is null && answers is not null && question.Parts.Count > 1
                && question.Parts.Where(part => FormAnswers.IsShown(part, answers)).ToList() is [var shown] ? shown.Id
            : null;
        return (onlyPart is null ? null : WarningQuestionLabels.ForPart(onlyPart))
            ?? WarningQuestionLabels.For(question.Id) ?? line?.Question ?? question.Text;
    }

    private static SummaryCheck Check(StoredAssessment record, AnswerSet answers, List<string> activities, string thisToken)
    {
        var scored = answers.Activities(CheckComparison.ActivitiesQuestion);
        return new SummaryCheck(
            record.CreatedAt,
            record.Token == thisToken,
            answers.Integer("pain-severity"),
            answers.Integer(CheckComparison.PainNextMorningQuestion),
            [.. activities.Select(name => scored.FirstOrDefault(a => string.Equals(a.Activity.Trim(), name, StringComparison.OrdinalIgnoreCase))?.Score)],
            scored.Count > 0 ? ActivitiesAnswer.MeanOf(scored.Select(a => a.Score)) : null);
    }
}
