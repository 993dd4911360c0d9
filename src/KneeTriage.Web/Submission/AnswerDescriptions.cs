using System.Globalization;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.Submission;

/// <summary>
/// Puts every answer into words for the "Check your answers" page and the stored result; nothing is left blank.
/// A question without an answer is in one of two states, each with one phrase wherever it shows (the
/// result's answers, the review page, the clinician summary, the progress chart):
/// <list type="bullet">
/// <item><see cref="NotAsked"/>: the check's branching skipped it (an onset of swelling with no swelling,
/// the straight-leg lift with no injury), or the check did not have the question when the result was made.</item>
/// <item><see cref="NotAnswered"/>: the check asked it and the runner (or an API client) left it blank.</item>
/// </list>
/// A tick-box list with nothing ticked says <see cref="None"/>: ticking nothing is how such a list says
/// "none of these" (the contract reads it so), and a warning list offers "None of these" itself.
/// </summary>
public static class AnswerDescriptions
{
    public const string None = "None";

    /// <summary>Asked and left blank.</summary>
    public const string NotAnswered = "Not answered";

    /// <summary>Skipped by the check's branching, or not in the check when the result was made.</summary>
    public const string NotAsked = "Not asked";

    /// <summary>
    /// Whether the check asks this question, given the answers: its only-when (the API's rule too) and
    /// its shown-when (the form's) both hold. Read from the answers as given, before "not sure" added a
    /// cautious option the runner did not tick (a foot sign read in for "not sure" did not show the
    /// bladder question).
    /// </summary>
    public static bool IsAsked(Question question, AnswerSet given)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(given);
        return (question.OnlyWhen?.When.IsMetBy(given) ?? true) && (question.ShownWhen?.When.IsMetBy(given) ?? true);
    }

    /// <param name="unsure">The warning questions answered "not sure": their lines say so.</param>
    /// <param name="parts">
    /// What the runner said to each yes/no part the form showed, by part id; null when the answers
    /// came without them (the JSON API speaks only the contract's merged answers).
    /// </param>
    /// <param name="given">
    /// The answers as given, before "not sure" was read the cautious way (<paramref name="answers"/>
    /// are as assessed). With them, a "not sure" line says "Not sure" first and then how it was read,
    /// as the review page did, rather than showing the cautious answer as if the runner had given it.
    /// </param>
    /// <remarks>
    /// The parts were not stored before this parameter, and the merged answer cannot give them back
    /// ("yes" to hip-or-groin-pain may be the hip, the limp or both), so a result stored earlier, or
    /// made through the API, keeps its one merged line: a stored result never changes, and nothing is
    /// guessed. The contract answer itself is untouched: the engine and the API read only that.
    /// </remarks>
    /// <param name="noneFits">
    /// The questions the runner answered with the form's "None of these fits" choice, which stores no
    /// contract answer (the API has no such answer): their lines say that choice in its own words,
    /// where a blank says "Not answered". The form keeps the choice in its draft and passes it here.
    /// </param>
    public static IReadOnlyList<AnswerLine> Describe(KnowledgeBase knowledgeBase, AnswerSet answers, IReadOnlyCollection<string>? unsure = null, IReadOnlyDictionary<string, PartAnswer>? parts = null, AnswerSet? given = null, IReadOnlyCollection<string>? noneFits = null) =>
        [.. knowledgeBase.Questions.Select(question =>
        {
            var isUnsure = unsure?.Contains(question.Id) == true;
            var notSureWords = isUnsure && given is not null ? NotSure(question, given, answers) : null;
            var line = AsAsked(question, answers, isUnsure) ?? new AnswerLine
            {
                QuestionId = question.Id,
                StepId = question.Step,
                Question = question.Text,
                Answer = notSureWords ?? Describe(question, answers, given ?? answers, noneFits?.Contains(question.Id) == true),
                Unsure = isUnsure,
                SaysNotSure = notSureWords is not null,
            };
            return PartsOf(question, answers, isUnsure, parts) is { } asked ? line with { Parts = asked } : line;
        })];

    /// <summary>
    /// Stored lines with a skipped question put right: results stored before the form's skipped
    /// questions were told apart say "Not answered" on them (the bladder question with no back pain).
    /// Read from the stored answers, which hold what the runner ticked plus any cautious "not sure"
    /// option; every other line is kept as stored.
    /// </summary>
    public static IReadOnlyList<AnswerLine> WithSkippedNotAsked(KnowledgeBase knowledgeBase, IReadOnlyList<AnswerLine> lines, AnswerSet stored)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(lines);
        return [.. lines.Select(line => line.Answer == NotAnswered && knowledgeBase.FindQuestion(line.QuestionId) is { } question && !IsAsked(question, stored)
            ? line with { Answer = NotAsked }
            : line)];
    }

    /// <summary>A yes/no question answered "not sure", as the review page and the result's answers say it.</summary>
    public const string NotSureTreatedAsYes = "Not sure (treated as yes, to be safe)";

    /// <summary>
    /// How a tick-box warning question's "Not sure" is read, in one set of words on the form (the
    /// choice's hint) and on the review page and result: the engine reads it cautiously, as the option
    /// that would raise the urgency most (UnsureAnswers.MostCautiousOption). "No single answer here
    /// would change the advice", said when no option raises it, read to runners as "not sure does not
    /// matter"; and the hint said "the most serious", so the form explained one answer two ways.
    /// </summary>
    public const string NotSureTickBoxReading = "treated as " + NotSureTickBoxRead;

    /// <summary>The "Not sure" choice's hint on the form, in the words of <see cref="NotSureTickBoxReading"/>.</summary>
    public const string NotSureTickBoxHint = "The check treats it as " + NotSureTickBoxRead + ".";

    /// <summary>The one phrase both say, so the form and the review cannot drift apart.</summary>
    private const string NotSureTickBoxRead = "the most serious of these, to be safe";

    /// <summary>
    /// "Not sure" in words that say how it was read: as yes, or on a tick-box question as the option
    /// read in its place (after any boxes ticked), or, when none would raise the urgency (the answers
    /// already call for as much), as the most serious of them, which is what the advice already covers.
    /// </summary>
    /// <param name="given">The answers as given.</param>
    /// <param name="assessed">The same answers with "not sure" read the cautious way.</param>
    public static string NotSure(Question question, AnswerSet given, AnswerSet assessed)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(assessed);
        if (question.Type != QuestionType.Many)
        {
            return NotSureTreatedAsYes;
        }

        var ticked = given.Choices(question.Id);
        var added = assessed.Choices(question.Id).Except(ticked, StringComparer.Ordinal).Select(v => LabelOf(question, v)).ToList();
        var known = ticked.Count > 0 ? Describe(question, given) + "; " : string.Empty;
        return added.Count > 0
            ? $"{known}Not sure (treated as \u201c{string.Join("; ", added)}\u201d, to be safe)"
            : $"{known}Not sure ({NotSureTickBoxReading})";
    }

    /// <summary>The parts shown and answered, in the order asked; null when none is known or the question has no stored answer.</summary>
    private static List<AnswerPartLine>? PartsOf(Question question, AnswerSet answers, bool unsure, IReadOnlyDictionary<string, PartAnswer>? parts)
    {
        if (parts is null || question.Parts.Count == 0 || !answers.ContainsKey(question.Id))
        {
            return null;
        }

        var asked = question.Parts
            .Where(part => parts.ContainsKey(part.Id))
            .Select(part => new AnswerPartLine
            {
                PartId = part.Id,
                Question = part.Text,
                Answer = parts[part.Id],
                SignWhen = part.SignWhen,
                NotSureReadAsSign = unsure && parts[part.Id] == PartAnswer.NotSure,
            })
            .ToList();
        return asked.Count > 0 ? asked : null;
    }

    /// <summary>
    /// A "no" to a question the form asks in positive parts, in the parts' own words: "Can you take
    /// four steps on this leg now? Yes" rather than "Unable to take four steps…? No", a double
    /// negative that reads as the opposite. Only where the stored answer says how every shown part
    /// was answered: a "no" to a sign that any part raises means every part was answered the other
    /// way; a "no" to a sign that needs every part is "No: not both of these". Null: the question's own words.
    /// </summary>
    private static AnswerLine? AsAsked(Question question, AnswerSet answers, bool unsure)
    {
        if (unsure || question.Parts.Count == 0 || !answers.TryGetValue(question.Id, out var value) || value is not BooleanAnswer { Value: false })
        {
            return null;
        }

        var shown = question.Parts.Where(part => part.ShownWhen is not { } when || when.When.IsMetBy(answers)).ToList();
        if (shown.Count == 0 || shown.Select(part => part.SignWhen).Distinct().Count() > 1)
        {
            return null;
        }

        return new AnswerLine
        {
            QuestionId = question.Id,
            StepId = question.Step,
            Question = string.Join(" ", shown.Select(part => part.Text)),
            // "No" leads: a bare "Not both" read to a physio as "one of them was yes", which the
            // stored answer cannot say (only that the sign, needing every part, is absent).
            Answer = question.EveryPartNeeded ? (shown.Count == 2 ? "No: not both of these" : "No: not all of these") : shown[0].SignWhen ? "No" : "Yes",
        };
    }

    /// <param name="given">The answers as given, for whether the check asked the question (see <see cref="IsAsked"/>); <paramref name="answers"/> when null.</param>
    /// <param name="choseNoneFits">The runner chose the form's "None of these fits" for this question (see <see cref="Question.NoneFits"/>).</param>
    public static string Describe(Question question, AnswerSet answers, AnswerSet? given = null, bool choseNoneFits = false)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answers);
        if (!answers.TryGetValue(question.Id, out var value))
        {
            if (!IsAsked(question, given ?? answers))
            {
                return NotAsked;
            }

            // "None of these fits" stores no contract answer, so the form says it chose it: read back
            // in the choice's own words, never as "Not answered" (walkers read that as skipped).
            return question.Type == QuestionType.Many ? None : choseNoneFits && question.NoneFits is { } noneFitsLabel ? noneFitsLabel : NotAnswered;
        }

        return value switch
        {
            NumberAnswer number => question.Unit is { Length: > 0 } unit
                ? $"{number.Value.ToString(CultureInfo.InvariantCulture)} {unit}"
                : number.Value.ToString(CultureInfo.InvariantCulture),
            BooleanAnswer boolean => boolean.Value ? "Yes" : "No",
            TextAnswer text => LabelOf(question, text.Value),
            ListAnswer { Values.Count: 0 } => None,
            ListAnswer list => string.Join("; ", list.Values.Select(v => LabelOf(question, v))),
            ActivitiesAnswer activities => ActivityWords(activities.Scored, question.Scale?.ReadBack ?? "out of 10"),
            _ => NotAnswered,
        };
    }

    /// <summary>
    /// "run 5 km: 4 out of 10 (10 = as well as before the pain)": each score with the scale's words
    /// (questions.yaml), since "run: 2 out of 10" beside the pain scores read as pain 2 out of 10.
    /// </summary>
    public static string ActivityWords(IReadOnlyList<ScoredActivity> activities, string readBack) =>
        activities.Count == 0 ? NotAnswered : string.Join("; ", activities.Select(a => $"{a.Activity}: {a.Score.ToString(CultureInfo.InvariantCulture)} {readBack}"));

    private static string LabelOf(Question question, string value) =>
        question.Options.FirstOrDefault(o => o.Value == value)?.Label ?? value;
}
