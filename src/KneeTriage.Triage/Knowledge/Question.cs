namespace KneeTriage.Triage.Knowledge;

public enum QuestionType
{
    /// <summary>A whole number between <see cref="Question.Min"/> and <see cref="Question.Max"/>.</summary>
    Integer,
    /// <summary>Yes or no.</summary>
    Boolean,
    /// <summary>Exactly one value from the options.</summary>
    One,
    /// <summary>Any number of distinct values from the options; none is a valid answer.</summary>
    Many,
    /// <summary>
    /// Contract v1.2: 1 to 3 activities in the runner's own words, each scored 0 (cannot) to 10 (as
    /// before), the Patient-Specific Functional Scale. The one free-text answer: never logged, never on a board.
    /// </summary>
    Activities,
}

public sealed record AnswerOption
{
    public required string Value { get; init; }
    public required string Label { get; init; }
    public string? Help { get; init; }

    /// <summary>
    /// A few words for where the label is too long to repeat (the clinician summary's ticked boxes);
    /// without one the value is read with its hyphens as spaces, which can say less than the option
    /// covers ("hormones or pregnancy" for the pill, HRT, a pregnancy or a recent birth).
    /// </summary>
    public string? Short { get; init; }
}

/// <summary>One question of the symptom check, as the knowledge base defines it for form, API and engine alike.</summary>
public sealed record Question
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public string? Help { get; init; }
    public required QuestionType Type { get; init; }
    /// <summary>The id of the form step this question appears on.</summary>
    public required string Step { get; init; }
    public IReadOnlyList<AnswerOption> Options { get; init; } = [];
    public int? Min { get; init; }
    public int? Max { get; init; }
    /// <summary>Unit shown beside a number field, e.g. "cm".</summary>
    public string? Unit { get; init; }
    /// <summary>Whether an answer must be given (conditional requirements are the validator's business).</summary>
    public required bool Required { get; init; }
    /// <summary>Plain words for what is accepted, used in error messages and API help.</summary>
    public required string Accepts { get; init; }
    /// <summary>When set, an answer is required whenever this holds (e.g. pain-location unless pain-type is none).</summary>
    public AnswerDependency? RequiredWhen { get; init; }
    /// <summary>When set, the question may only be answered when this holds (e.g. swelling-onset only with swelling); the form shows it only then.</summary>
    public AnswerDependency? OnlyWhen { get; init; }
    /// <summary>
    /// Form only: the form asks the question only when this holds, but the validator accepts an
    /// answer whatever else is answered (bladder-or-saddle: shown with back pain or a foot sign).
    /// </summary>
    public AnswerDependency? ShownWhen { get; init; }
    /// <summary>
    /// Form only: yes/no parts the form asks instead of <see cref="Text"/>, each in the runner's own
    /// words; the answer stored is true when any shown part is answered with its
    /// <see cref="QuestionPart.SignWhen"/> (e.g. "can you take four steps now?" answered no).
    /// Empty for a question the form asks as written.
    /// </summary>
    public IReadOnlyList<QuestionPart> Parts { get; init; } = [];

    /// <summary>
    /// Form only: the sign needs every shown part's sign, not just one (two facts that make one sign
    /// only together, e.g. severe pain an hour after a run AND a tight calf), so each can be asked alone.
    /// </summary>
    public bool EveryPartNeeded { get; init; }

    /// <summary>
    /// Form only: the label of a choice that stores no answer, for an optional single-choice
    /// question whose options do not fit every runner ("None of these fits my pain").
    /// </summary>
    public string? NoneFits { get; init; }

    /// <summary>
    /// Form only: "check again" leaves this question blank, with last time's choice as a hint, because
    /// its answer is about a time that has moved on by the next check (the worst pain "in the last
    /// week", what changed in training "lately"). Warning questions are asked afresh whatever this says.
    /// </summary>
    public bool AskedAfresh { get; init; }

    /// <summary>
    /// The words for an activities question's score (required there, for no other type): the
    /// Patient-Specific Functional Scale runs the other way from the pain scores beside it, so every
    /// score shown says which end is good.
    /// </summary>
    public ScoreScaleWords? Scale { get; init; }
}

/// <summary>How an activities question's 0-to-10 score is explained wherever it is asked or read back.</summary>
public sealed record ScoreScaleWords
{
    /// <summary>On the form, after the question's help: which end is good.</summary>
    public required string Direction { get; init; }

    /// <summary>Beside each score box: short, as it sits beside the activity on a narrow phone.</summary>
    public required string ScoreLabel { get; init; }

    /// <summary>After a score read back on the review, the result and the hints: "out of 10 (10 = as well as before the pain)".</summary>
    public required string ReadBack { get; init; }
}

/// <summary>One yes/no question the form asks for part of a boolean question (see <see cref="Question.Parts"/>).</summary>
public sealed record QuestionPart
{
    /// <summary>The form field's name; never an answer id of the contract.</summary>
    public required string Id { get; init; }
    public required string Text { get; init; }
    public string? Help { get; init; }
    /// <summary>The answer that means the sign is present: true for "yes", false for "no" (a question asked the positive way round).</summary>
    public required bool SignWhen { get; init; }
    /// <summary>When set, the part is asked only when this holds on the other answers (e.g. only after an injury).</summary>
    public AnswerDependency? ShownWhen { get; init; }
}

/// <summary>A page of the symptom check, in order.</summary>
public sealed record QuestionStep
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Intro { get; init; }
    public required IReadOnlyList<Question> Questions { get; init; }
}
