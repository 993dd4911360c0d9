namespace KneeTriage.Triage.Validation;

/// <summary>The <c>ErrorCode</c> of each kind of answer error, for adapters and tests that need to tell them apart.</summary>
public static class AnswerErrorCodes
{
    public const string UnknownQuestion = "unknown-question";
    public const string WrongType = "wrong-type";
    public const string NotWholeNumber = "not-whole-number";
    public const string OutOfRange = "out-of-range";
    public const string UnknownOption = "unknown-option";
    public const string RepeatedValue = "repeated-value";
    public const string Required = "required";
    public const string NotApplicable = "not-applicable";

    /// <summary>An entry of an activities answer is wrong (the message names it by position).</summary>
    public const string InvalidEntry = "invalid-entry";

    /// <summary>Two or more answers that cannot all be true (contradictions.yaml); reported under each question involved.</summary>
    public const string Contradiction = "contradiction";
}
