using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Engine.Progress;

/// <summary>One check: the answers and what the engine made of them.</summary>
public sealed record CheckedAnswers(AnswerSet Answers, Assessment Assessment);

/// <summary>
/// Compares two checks of the same runner. The trend leans to caution: anything that would make a
/// clinician look again (a higher urgency, a new warning sign, a measure worse by 2 points or more)
/// is worse, even when something else improved.
/// </summary>
public static class CheckComparison
{
    /// <summary>
    /// A change of this much on a 0 to 10 scale counts; smaller moves are noise from one week to the
    /// next (clinical-notes 7.9: about 2 points for pain, a minimal detectable change of 2 for the
    /// activities' mean).
    /// </summary>
    public const int PainChangeThatCounts = 2;

    /// <summary>The contract's progress questions (v1.2 "Measured progress").</summary>
    public const string PainNextMorningQuestion = "pain-next-morning";

    public const string ActivitiesQuestion = "activities";

    private const string SwellingQuestion = "swelling";
    private const string StiffnessQuestion = "stiffness";
    private const string PainQuestion = "pain-severity";

    public static CheckChange Compare(CheckedAnswers earlier, CheckedAnswers later, KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        ArgumentNullException.ThrowIfNull(knowledgeBase);

        var before = earlier.Assessment.RedFlags.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var after = later.Assessment.RedFlags.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var appeared = later.Assessment.RedFlags.Where(f => !before.Contains(f.Id)).Select(f => Fired(f, knowledgeBase)).ToList();
        var gone = earlier.Assessment.RedFlags.Where(f => !after.Contains(f.Id)).Select(f => Fired(f, knowledgeBase)).ToList();
        var pointBefore = PointOf(earlier);
        var pointAfter = PointOf(later);
        var activities = SharedActivities.Of(pointBefore, pointAfter);

        return new CheckChange
        {
            WarningsAppeared = appeared,
            WarningsGone = gone,
            Swelling = Change(SwellingQuestion, earlier.Answers, later.Answers, knowledgeBase),
            Stiffness = Change(StiffnessQuestion, earlier.Answers, later.Answers, knowledgeBase),
            PainBefore = pointBefore.PainSeverity,
            PainAfter = pointAfter.PainSeverity,
            PainNextMorningBefore = pointBefore.PainNextMorning,
            PainNextMorningAfter = pointAfter.PainNextMorning,
            ActivitiesMeanBefore = activities.MeanBefore,
            ActivitiesMeanAfter = activities.MeanAfter,
            Activities = activities,
            UrgencyBefore = earlier.Assessment.Urgency,
            UrgencyAfter = later.Assessment.Urgency,
            TopCauseBefore = earlier.Assessment.LikelyCauses is [var first, ..] ? first : null,
            TopCauseAfter = later.Assessment.LikelyCauses is [var top, ..] ? top : null,
            Trend = TrendOf(pointBefore, pointAfter, warningAppeared: appeared.Count > 0),
        };
    }

    /// <summary>One check's urgency and its three measures, read from its answers.</summary>
    public static ProgressPoint PointOf(CheckedAnswers check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var activities = check.Answers.Activities(ActivitiesQuestion);
        return new ProgressPoint(
            check.Assessment.Urgency,
            check.Answers.Integer(PainQuestion),
            check.Answers.Integer(PainNextMorningQuestion),
            activities is { Count: > 0 } ? ActivitiesAnswer.MeanOf(activities.Select(a => a.Score)) : null)
        {
            ActivityScores = SharedActivities.ScoresOf(activities),
        };
    }

    /// <summary>
    /// Contract v1.2 ("Measured progress"): worse when the urgency rose, a warning sign appeared or
    /// any measure worsened by 2 points or more; better when any measure improved by 2 or more and
    /// none worsened by 2 or more; otherwise about the same, so a 1-point wobble never reads as a
    /// change. A measure counts only when both checks have it; the activities count only those
    /// scored at both checks (<see cref="SharedActivities"/>).
    /// </summary>
    public static Trend TrendOf(ProgressPoint earlier, ProgressPoint later, bool warningAppeared)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        // Each measure's change, signed so that a positive number is an improvement.
        var activities = SharedActivities.Of(earlier, later);
        decimal?[] improvements =
        [
            earlier.PainSeverity - later.PainSeverity,
            earlier.PainNextMorning - later.PainNextMorning,
            activities.MeanAfter - activities.MeanBefore,
        ];
        var known = improvements.OfType<decimal>().ToList();
        if (later.Urgency > earlier.Urgency || warningAppeared || known.Any(change => change <= -PainChangeThatCounts))
        {
            return Trend.Worse;
        }

        return known.Any(change => change >= PainChangeThatCounts) ? Trend.Better : Trend.Same;
    }

    /// <summary>
    /// The trend of a series, oldest first, for a coach board and the chart: the latest check against
    /// the one before. A series entry holds no warning signs, so only urgency and the measures count
    /// (a new urgent or emergency sign raises the urgency anyway). Null for fewer than two checks.
    /// </summary>
    public static Trend? TrendOfSeries(IReadOnlyList<ProgressPoint> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return series.Count < 2 ? null : TrendOf(series[^2], series[^1], warningAppeared: false);
    }

    /// <summary>
    /// The sign in warning-signs.yaml's words only when one sign alone names the rule. A rule two
    /// signs name (suspected-clot: "a swollen calf, or two of warm, red and tender, with no injury"
    /// and "any calf sign with a higher clot risk") does not say which the runner gave, and the
    /// first would tell a runner with one tender calf after a long flight of signs they never
    /// reported; the rule's finding, which the result itself shows, is what they did report.
    /// </summary>
    private static FiredWarning Fired(RedFlag flag, KnowledgeBase knowledgeBase) => new()
    {
        RuleId = flag.Id,
        Urgency = flag.Urgency,
        Reason = flag.Message,
        Sign = knowledgeBase.WarningSigns.SelectMany(g => g.Signs).Where(s => s.Rules.Contains(flag.Id, StringComparer.Ordinal)).Take(2).ToList() is [var only]
            ? only.Sign
            : flag.Finding,
    };

    private static AnswerChange Change(string questionId, AnswerSet earlier, AnswerSet later, KnowledgeBase knowledgeBase)
    {
        var options = knowledgeBase.FindQuestion(questionId)?.Options ?? [];
        return new AnswerChange { QuestionId = questionId, Before = Labels(earlier), After = Labels(later) };

        // In the question's option order, so the same answers always read the same; a value the
        // knowledge base does not know (an answer stored under an older version) shows as it was sent.
        IReadOnlyList<string> Labels(AnswerSet answers)
        {
            var values = answers.Choice(questionId) is { } one ? [one] : answers.Choices(questionId);
            return [.. values.OrderBy(Position).Select(v => options.FirstOrDefault(o => o.Value == v)?.Label ?? v)];
        }

        int Position(string value)
        {
            for (var i = 0; i < options.Count; i++)
            {
                if (options[i].Value == value)
                {
                    return i;
                }
            }

            return options.Count;
        }
    }
}
