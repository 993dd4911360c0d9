using KneeTriage.Triage.Answers;

namespace KneeTriage.Triage.Tests;

/// <summary>Answer sets for tests: a complete, calm baseline that each test changes in one place.</summary>
internal static class SampleAnswers
{
    /// <summary>A 35-year-old with a mild, gradual ache at the back of the knee and no warning sign.</summary>
    public static AnswerSet Calm { get; } = AnswerSet.From(new Dictionary<string, AnswerValue>
    {
        ["age"] = new NumberAnswer(35),
        ["pain-type"] = new TextAnswer("dull-ache"),
        ["pain-severity"] = new NumberAnswer(3),
        ["pain-location"] = new ListAnswer(["back-center"]),
        ["onset"] = new TextAnswer("gradual"),
        ["duration"] = new TextAnswer("3-to-14-days"),
        ["injury"] = new TextAnswer("none"),
        ["stiffness"] = new TextAnswer("none"),
        ["cannot-bear-weight"] = new BooleanAnswer(false),
        ["fever"] = new BooleanAnswer(false),
        ["hot-red-knee"] = new BooleanAnswer(false),
        ["breathless-or-chest-pain"] = new BooleanAnswer(false),
        ["calf-cramp-on-exertion"] = new BooleanAnswer(false),
        ["deformity"] = new BooleanAnswer(false),
    });

    /// <summary>The same runner with no pain: severity 0 and no place of pain (anything else contradicts "I have no pain").</summary>
    public static AnswerSet NoPain { get; } = Calm.With("pain-type", "none").With("pain-severity", 0).Without("pain-location");

    public static AnswerSet WithList(this AnswerSet answers, string id, params string[] values) => answers.With(id, new ListAnswer(values));

    public static AnswerSet With(this AnswerSet answers, string id, string value) => answers.With(id, new TextAnswer(value));

    public static AnswerSet With(this AnswerSet answers, string id, int value) => answers.With(id, new NumberAnswer(value));

    public static AnswerSet With(this AnswerSet answers, string id, bool value) => answers.With(id, new BooleanAnswer(value));
}
