using KneeTriage.Triage.Answers;

namespace KneeTriage.Bench;

/// <summary>Realistic answer sets: a typical runner, and a busy one that ticks many boxes and raises several warnings.</summary>
internal static class BenchmarkAnswers
{
    public static AnswerSet Typical { get; } = AnswerSet.From(new Dictionary<string, AnswerValue>
    {
        ["age"] = new NumberAnswer(38),
        ["pain-type"] = new TextAnswer("dull-ache"),
        ["pain-severity"] = new NumberAnswer(4),
        ["pain-location"] = new ListAnswer(["back-outer", "above-back"]),
        ["onset"] = new TextAnswer("gradual"),
        ["duration"] = new TextAnswer("3-to-14-days"),
        ["injury"] = new TextAnswer("none"),
        ["stiffness"] = new TextAnswer("tight-behind-knee"),
        ["cannot-bear-weight"] = new BooleanAnswer(false),
        ["fever"] = new BooleanAnswer(false),
        ["hot-red-knee"] = new BooleanAnswer(false),
        ["breathless-or-chest-pain"] = new BooleanAnswer(false),
        ["calf-cramp-on-exertion"] = new BooleanAnswer(false),
        ["deformity"] = new BooleanAnswer(false),
        ["pain-triggers"] = new ListAnswer(["after-run", "sitting", "uphill"]),
        ["training-change"] = new ListAnswer(["more-distance"]),
        ["tight-muscles"] = new ListAnswer(["hamstrings"]),
    });

    public static AnswerSet Busy { get; } = Typical
        .With("injury", new TextAnswer("twist"))
        .With("onset", new TextAnswer("sudden"))
        .With("pain-location", new ListAnswer(["back-inner", "inner-side", "below-back", "front"]))
        .With("pain-triggers", new ListAnswer(["deep-bend", "twisting", "stairs", "night", "during-run", "downhill"]))
        .With("swelling", new ListAnswer(["whole-knee", "calf"]))
        .With("swelling-onset", new TextAnswer("next-day"))
        .With("mechanical", new ListAnswer(["catching", "locking", "painful-clicking", "giving-way"]))
        .With("calf-signs", new ListAnswer(["swollen", "tender"]))
        .With("clot-risk", new ListAnswer(["long-travel"]))
        .With("history", new ListAnswer(["previous-injury", "arthritis"]))
        .With("height-cm", new NumberAnswer(175))
        .With("weight-kg", new NumberAnswer(80));
}
