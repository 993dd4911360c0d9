using KneeTriage.Triage.Engine;

namespace KneeTriage.Web.Data;

/// <summary>
/// A stored result as a list shows it (a board, /my-results, the join page): its own small columns
/// and its <see cref="StoredAssessment.Summary"/>. The full JSON comes along only for a result stored
/// before summaries existed (null otherwise), so a list reads about a hundred bytes per result
/// (decision 0031).
/// </summary>
public sealed record ListedAssessment(
    string Token,
    DateTime CreatedAt,
    Urgency Urgency,
    bool SeeClinician,
    string? Summary,
    string? ResultJson,
    string? AnswersJson);

/// <summary>A listed result and its delete-key hash, for a caller that must prove it owns it.</summary>
public sealed record OwnedListing(ListedAssessment Result, byte[] DeleteKeyHash);
