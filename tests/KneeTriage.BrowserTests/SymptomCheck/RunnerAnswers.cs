namespace KneeTriage.BrowserTests.SymptomCheck;

/// <summary>
/// A runner with a few days of dull pain at the inner back of the knee after upping their
/// distance: no warning sign, so by the contract's rules the urgency is self-care.
/// Question ids and values are the triage contract's; each step lists its fields in page order.
/// </summary>
public static class RunnerAnswers
{
    public const string PainLocationQuestion = "pain-location";

    public const string PainLocation = "back-inner";

    /// <summary>The warning questions of this runner's steps, which "Check again" asks afresh instead of filling in.</summary>
    public static IReadOnlySet<string> AskedAfresh { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "newly-breathless", "chest-pain", "coughed-up-blood", "deformity", "foot-signs", "severe-pain-after-run", "tight-calf-after-run", "hot-red-knee",
        "has-fever", "shivers", "unwell-all-over",
        "four-steps-now", "calf-signs", "clot-risk", "swelling", "mechanical",
    };

    /// <summary>Answers about a time that has moved on by the next check, left blank on check again (questions.yaml's <c>askedAfresh</c>; <c>training-change</c> is a tick-box, asked afresh with a hint).</summary>
    public static IReadOnlySet<string> TimeBound { get; } = new HashSet<string>(StringComparer.Ordinal) { "pain-severity", "pain-next-morning", "duration" };

    /// <summary>The "None of these" box of a tick-box warning question (contract v1.2: a blank is not a "no").</summary>
    public const string NoneOfThese = "none-of-these";

    public static IReadOnlyList<StepAnswers> DullAcheAfterMoreDistance { get; } =
    [
        new("warning-signs",
        [
            // Asked in parts (contract v1.2 form rules): new breathlessness, chest pain, coughed-up blood.
            FieldAnswer.No("newly-breathless"),
            FieldAnswer.No("chest-pain"),
            FieldAnswer.No("coughed-up-blood"),
            FieldAnswer.No("deformity"),
            FieldAnswer.Tick("foot-signs", NoneOfThese),
            // Asked one fact at a time: severe pain an hour after a run, then a tight or hard calf.
            FieldAnswer.No("severe-pain-after-run"),
            FieldAnswer.No("tight-calf-after-run"),
        ]),
        new("hot-knee",
        [
            FieldAnswer.No("hot-red-knee"),
            FieldAnswer.No("has-fever"),
            FieldAnswer.No("shivers"),
            FieldAnswer.No("unwell-all-over"),
            // Asked beside the hot knee and the fever (walk 18): each raises either at once.
            FieldAnswer.NoneOfTheseIfOffered("history"),
            FieldAnswer.NoneOfTheseIfOffered("infection-risk"),
        ]),
        new("about-the-injury",
        [
            FieldAnswer.Type("age", 34),
            FieldAnswer.Tick("injury", "none"),
            FieldAnswer.Tick("onset", "gradual"),
            FieldAnswer.Tick("duration", "3-to-14-days"),
        ]),
        new("walking",
        [
            FieldAnswer.Yes("four-steps-now"),
        ]),
        new("calf",
        [
            FieldAnswer.Tick("calf-signs", NoneOfThese),
            FieldAnswer.Tick("clot-risk", NoneOfThese),
            FieldAnswer.No("calf-cramp-on-exertion"),
        ]),
        new("pain",
        [
            FieldAnswer.Tick("pain-type", "dull-ache"),
            FieldAnswer.Type("pain-severity", 4),
            FieldAnswer.Tick(PainLocationQuestion, PainLocation),
            FieldAnswer.Tick("pain-triggers", "after-run"),
            FieldAnswer.No("hip-or-groin-ache"),
            FieldAnswer.No("new-limp"),
            FieldAnswer.No("low-back-pain"),
            FieldAnswer.No("buttock-to-thigh-pain"),
        ]),
        new("swelling-stiffness",
        [
            FieldAnswer.Tick("swelling", NoneOfThese),
            // Asked beside the swelling, so a swollen knee on a blood thinner interrupts here.
            FieldAnswer.No("takes-blood-thinner"),
            FieldAnswer.No("bleeding-disorder"),
            FieldAnswer.Tick("stiffness", "tight-behind-knee"),
        ]),
        new("clicking",
        [
            FieldAnswer.Tick("mechanical", NoneOfThese),
        ]),
        new("you-and-training",
        [
            FieldAnswer.Tick("training-change", "more-distance"),
            FieldAnswer.Tick("tight-muscles", "hamstrings"),
        ]),
        // Contract v1.2's measured progress: both optional, so this runner leaves them for later.
        new("how-it-is-going", []),
    ];
}
