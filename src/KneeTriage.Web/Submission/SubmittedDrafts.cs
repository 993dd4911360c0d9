using System.Text.Json;
using KneeTriage.Web.Data;
using KneeTriage.Web.Pages.Results;
using Microsoft.AspNetCore.DataProtection;

namespace KneeTriage.Web.Submission;

/// <summary>The result a form draft made, as a second submit of the same draft needs it: the token and the delete key.</summary>
public sealed record SubmittedDraft(string Token, string DeleteKey);

/// <summary>
/// The form's final submit is idempotent by its draft (QuestionnaireDraft.Id): the first submit keeps
/// the result's token and delete key (data-protected) with the result, in its transaction, for 24
/// hours; a second submit of the same draft finds them and shows that result instead of storing another.
/// </summary>
public sealed class SubmittedDrafts(IdempotentAnswers answers, IDataProtectionProvider dataProtection, ResultLinks links, TimeProvider time)
{
    private const string Scope = "form /check/review";

    private readonly IDataProtector protector = dataProtection.CreateProtector("KneeTriage.IdempotentAnswer.v1");

    /// <summary>The result this draft already made, or null.</summary>
    public async Task<SubmittedDraft?> FindAsync(string? draftId, CancellationToken cancellationToken) =>
        ShareToken.IsWellFormed(draftId) && await answers.FindAsync(Scope, draftId, cancellationToken) is { } first
            ? JsonSerializer.Deserialize<SubmittedDraft>(protector.Unprotect(first.ProtectedBody))
            : null;

    /// <summary>What to keep with the result a draft makes.</summary>
    public StoredIdempotentAnswer Keep(string draftId, SavedAssessment saved) => new()
    {
        Scope = Scope,
        KeyHash = IdempotentAnswers.Hash(draftId),
        RequestHash = IdempotentAnswers.Hash(draftId),
        StatusCode = StatusCodes.Status303SeeOther,
        Location = links.Path(saved.Record.Token),
        ProtectedBody = protector.Protect(JsonSerializer.Serialize(new SubmittedDraft(saved.Record.Token, saved.DeleteKey))),
        CreatedAt = StoredTime.WholeSeconds(time.GetUtcNow().UtcDateTime),
    };
}
