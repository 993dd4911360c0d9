using FluentValidation.Results;

namespace KneeTriage.Web.Questionnaire;

public static class ValidationErrors
{
    /// <summary>The validator's failures keyed by question id, each message once, in the order found.</summary>
    public static Dictionary<string, string[]> ByQuestion(ValidationResult result) =>
        result.Errors
            .GroupBy(e => e.PropertyName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
}
