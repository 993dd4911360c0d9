namespace KneeTriage.Web.Submission;

public static class SubmissionServiceCollectionExtensions
{
    /// <summary>The recorder that the form's review page and the JSON API both store results through.</summary>
    public static IServiceCollection AddSubmission(this IServiceCollection services) =>
        services.AddScoped<AssessmentRecorder>()
            // The form's final submit, idempotent by its draft.
            .AddSingleton<SubmittedDrafts>();
}
