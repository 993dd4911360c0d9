namespace KneeTriage.Web.Submission;

public static class SubmissionServiceCollectionExtensions
{
    /// <summary>
    /// The one owner that the form, the result page, /my-results and the JSON API store and delete
    /// results through (it keeps the result-page cache in step), and the recorder behind it.
    /// </summary>
    public static IServiceCollection AddSubmission(this IServiceCollection services) =>
        services.AddScoped<AssessmentRecorder>()
            .AddScoped<StoredResults>()
            // The form's final submit, idempotent by its draft.
            .AddSingleton<SubmittedDrafts>();
}
