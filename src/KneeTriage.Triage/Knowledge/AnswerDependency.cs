using KneeTriage.Triage.Knowledge.Criteria;

namespace KneeTriage.Triage.Knowledge;

/// <summary>
/// A question's answer depends on other answers, e.g. <c>swelling-onset</c> only when <c>swelling</c>
/// has a value. <see cref="Description"/> says so in plain words for error messages and form hints.
/// </summary>
public sealed record AnswerDependency(AnswerCriterion When, string Description);
