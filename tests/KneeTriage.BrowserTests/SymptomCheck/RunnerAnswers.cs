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

    public static IReadOnlyList<StepAnswers> DullAcheAfterMoreDistance { get; } =
    [
        new("warning-signs",
        [
            FieldAnswer.No("breathless-or-chest-pain"),
            FieldAnswer.No("deformity"),
            FieldAnswer.No("not-settling-after-run"),
        ]),
        new("hot-knee",
        [
            FieldAnswer.No("hot-red-knee"),
            FieldAnswer.No("fever"),
        ]),
        new("walking",
        [
            FieldAnswer.No("cannot-bear-weight"),
            FieldAnswer.No("cannot-lift-straight-leg"),
        ]),
        new("calf",
        [
            FieldAnswer.No("calf-cramp-on-exertion"),
        ]),
        new("pain",
        [
            FieldAnswer.Tick("pain-type", "dull-ache"),
            FieldAnswer.Type("pain-severity", 4),
            FieldAnswer.Tick(PainLocationQuestion, PainLocation),
            FieldAnswer.Tick("onset", "gradual"),
            FieldAnswer.Tick("duration", "3-to-14-days"),
            FieldAnswer.Tick("pain-triggers", "after-run"),
            FieldAnswer.Tick("injury", "none"),
        ]),
        new("swelling-stiffness",
        [
            FieldAnswer.Tick("stiffness", "tight-behind-knee"),
        ]),
        new("clicking", []),
        new("you-and-training",
        [
            FieldAnswer.Type("age", 34),
            FieldAnswer.Tick("training-change", "more-distance"),
            FieldAnswer.Tick("tight-muscles", "hamstrings"),
        ]),
    ];
}
