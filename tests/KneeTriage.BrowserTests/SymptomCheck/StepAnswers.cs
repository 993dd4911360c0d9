namespace KneeTriage.BrowserTests.SymptomCheck;

/// <summary>One answer as a runner gives it: ticks a box or radio (<see cref="Value"/> is the option), or types a number.</summary>
/// <param name="IfOffered">Answered only when the page offers it: "None of these" appears once a v1.2 rule makes the question a warning question.</param>
public sealed record FieldAnswer(string QuestionId, string Value, bool Typed = false, bool IfOffered = false)
{
    public static FieldAnswer NoneOfTheseIfOffered(string questionId) => new(questionId, "none-of-these", IfOffered: true);

    public static FieldAnswer Tick(string questionId, string value) => new(questionId, value);

    public static FieldAnswer No(string questionId) => new(questionId, "no");

    public static FieldAnswer Yes(string questionId) => new(questionId, "yes");

    public static FieldAnswer Type(string questionId, int number) => new(questionId, number.ToString(System.Globalization.CultureInfo.InvariantCulture), Typed: true);
}

/// <summary>The answers for one step of the symptom check, in the order the fields appear on the page.</summary>
public sealed record StepAnswers(string StepId, IReadOnlyList<FieldAnswer> Answers);
