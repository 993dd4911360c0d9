using FluentValidation.Results;

namespace KneeTriage.Web.Submission;

/// <summary>The one shaping of the shared validator's failures, for the API, the form's steps and its review.</summary>
public static class ValidationErrors
{
    /// <summary>
    /// The validator's failures keyed by question id, each message once, in the order found. The API
    /// keeps the validator's words; the form passes <paramref name="message"/> to say them in terms of its controls.
    /// </summary>
    public static Dictionary<string, string[]> ByQuestion(ValidationResult result, Func<ValidationFailure, string>? message = null) =>
        result.Errors
            .GroupBy(e => e.PropertyName, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.Select(message ?? (e => e.ErrorMessage)).Distinct(StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal);
}
