using KneeTriage.Web.Data;
using KneeTriage.Web.Submission;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>
/// A result stored in the running app exactly as written, words and all: for the tests of results
/// stored long ago (contract v1.2 keeps a stored result's words), which no answers today produce.
/// </summary>
internal static class StoredResultsAsWritten
{
    /// <returns>The stored result's token.</returns>
    public static async Task<string> StoreAsync(IServiceProvider services, StoredResult result)
    {
        await using var scope = services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<AssessmentStore>().SaveAsync(
            new AssessmentToStore
            {
                KnowledgeBaseVersion = result.KnowledgeBaseVersion,
                AnswersJson = "{\"age\":35}",
                ResultJson = StoredResultJson.Serialize(result),
                Urgency = result.Urgency,
                SeeClinician = result.SeeClinician,
            },
            CancellationToken.None);
        return saved.Record.Token;
    }
}
