using System.Text.Json;
using System.Text.Json.Serialization;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Engine.Progress;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Data;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Progress;
using KneeTriage.Web.Submission;

namespace KneeTriage.Web.Api;

/// <summary>The assessment as the contract's JSON API returns it, built from what was stored.</summary>
public sealed record AssessmentBody
{
    /// <summary>The share token: URL-safe, at least 128 random bits.</summary>
    public required string Id { get; init; }
    public required string ResultUrl { get; init; }
    public required DateTime CreatedAt { get; init; }
    /// <summary>The version of the triage contract whose meanings the ids carry: "1.2"; absent on a result stored before v1.2.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ContractVersion { get; init; }
    /// <summary>self-care, see-clinician, urgent or emergency.</summary>
    public required string Urgency { get; init; }
    /// <summary>The one action the result leads with: call-emergency-number, go-to-emergency-department, same-day, book-appointment or self-care (derived from the urgency and red flags for a result stored before v1.2).</summary>
    public required string Disposition { get; init; }
    public required bool SeeClinician { get; init; }
    public required IReadOnlyList<RedFlagBody> RedFlags { get; init; }
    /// <summary>At most five, most likely first.</summary>
    public required IReadOnlyList<LikelyCauseBody> LikelyCauses { get; init; }
    public required AdviceBody Advice { get; init; }
    /// <summary>The answers as stored ("not sure" read the cautious way).</summary>
    public required JsonElement Answers { get; init; }
    /// <summary>The warning questions answered "not sure" (contract v1.2); absent when none were, and on older results.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Unsure { get; init; }
    public required string KnowledgeBaseVersion { get; init; }
    /// <summary>The runner's checks in this series, oldest first, this one last (one entry when it follows nothing).</summary>
    public required IReadOnlyList<SeriesEntryBody> Series { get; init; }
    /// <summary>
    /// The series' latest check against the one before (contract v1.2 "Measured progress"):
    /// better, about-the-same or worse, by 2 points on any measure (never a 1-point wobble), worse
    /// whenever the urgency rose; null when the series holds one check. The board uses the same rule.
    /// </summary>
    public string? Trend { get; init; }
    /// <summary>The country whose numbers and services the words use, when the request asked with ?country= (absent: the UK's words, as stored).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Country { get; init; }
    /// <summary>Only in the 201 answer to the request that stored it; never again.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DeleteKey { get; init; }

    /// <summary>A stored result; one stored before v1.2 has its disposition and bands derived with <paramref name="knowledgeBase"/>.</summary>
    public static AssessmentBody From(StoredAssessment record, IReadOnlyList<SeriesEntry> series, KnowledgeBase knowledgeBase, ResultLinks links, ServiceText? words = null)
    {
        var result = StoredResultJson.Deserialize(record.ResultJson);
        return From(record, result, StoredResultReading.Of(result, knowledgeBase), series, deleteKey: null, links, words);
    }

    /// <summary>For a result just computed: <paramref name="result"/> is what <paramref name="record"/> holds as JSON, so it is not read back.</summary>
    public static AssessmentBody From(StoredAssessment record, StoredResult result, IReadOnlyList<SeriesEntry> series, string? deleteKey, ResultLinks links, ServiceText? words = null) =>
        From(record, result, StoredResultReading.OfNew(result), series, deleteKey, links, words);

    /// <summary><paramref name="words"/>: the country a client asked for (<see cref="ApiCountry"/>), applied to every sentence a runner reads; null keeps the stored words.</summary>
    private static AssessmentBody From(StoredAssessment record, StoredResult result, StoredResultReading reading, IReadOnlyList<SeriesEntry> series, string? deleteKey, ResultLinks links, ServiceText? words)
    {
        using var answers = JsonDocument.Parse(record.AnswersJson);
        string Say(string text) => words is null ? text : words.Plain(text);
        IReadOnlyList<string> SayAll(IReadOnlyList<string> texts) => words is null ? texts : [.. texts.Select(Say)];
        return new AssessmentBody
        {
            Id = record.Token,
            ResultUrl = links.Path(record.Token),
            CreatedAt = record.CreatedAt,
            ContractVersion = result.ContractVersion,
            Urgency = record.Urgency.ToContractId(),
            Disposition = reading.Disposition.ToContractId(),
            SeeClinician = record.SeeClinician,
            RedFlags = [.. result.RedFlags.Select(f => new RedFlagBody(f.Id, f.Urgency.ToContractId(), Say(f.Message)))],
            LikelyCauses = [.. result.LikelyCauses.Select((c, i) => new LikelyCauseBody
            {
                Id = c.Id,
                Name = c.Name,
                Probability = c.Probability,
                Band = reading.Bands[i].ToContractId(),
                Reasons = [.. SayAll(c.ReasonsFor), .. SayAll(c.ReasonsAgainst)],
                ReasonsFor = SayAll(c.ReasonsFor),
                ReasonsAgainst = SayAll(c.ReasonsAgainst),
                LearnMore = c.LearnMore,
            })],
            Advice = new AdviceBody(
                SayAll(result.DoNow),
                [.. result.SelfCare.Select(a => new SelfCareBody(a.ConditionId, a.ConditionName, SayAll(a.Steps)))],
                SayAll(result.ComeBackIf)),
            Answers = answers.RootElement.Clone(),
            Unsure = result.Unsure,
            KnowledgeBaseVersion = record.KnowledgeBaseVersion,
            Series = [.. series.Select(SeriesEntryBody.From)],
            Trend = TrendId(CheckComparison.TrendOfSeries([.. series.Select(e => e.Point)])),
            Country = words?.Country.Code,
            DeleteKey = deleteKey,
        };
    }

    /// <summary>The API's words for a trend.</summary>
    public static string? TrendId(Trend? trend) => trend switch
    {
        Triage.Engine.Progress.Trend.Better => "better",
        Triage.Engine.Progress.Trend.Worse => "worse",
        Triage.Engine.Progress.Trend.Same => "about-the-same",
        _ => null,
    };
}

public sealed record RedFlagBody(string Id, string Urgency, string Message);

public sealed record LikelyCauseBody
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Between 0 and 1, for v1 clients; show <see cref="Band"/> to people, never a percentage.</summary>
    public required double Probability { get; init; }
    /// <summary>rule-out-now (named by a raised urgent or emergency warning, whatever its probability), fits-best (the first other cause) or also-possible.</summary>
    public required string Band { get; init; }
    /// <summary>Plain words: the answers that pointed here, then those that pointed away.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }
    public required IReadOnlyList<string> ReasonsFor { get; init; }
    public required IReadOnlyList<string> ReasonsAgainst { get; init; }
    /// <summary>Site-relative link to the cause's section of the guide.</summary>
    public required string LearnMore { get; init; }
}

public sealed record AdviceBody(IReadOnlyList<string> DoNow, IReadOnlyList<SelfCareBody> SelfCare, IReadOnlyList<string> ComeBackIf);

public sealed record SelfCareBody(string ConditionId, string ConditionName, IReadOnlyList<string> Steps);

/// <summary>The request body of POST /api/assessments (documentation only: the endpoint reads the body itself).</summary>
/// <param name="Unsure">Contract v1.2: the warning questions answered "not sure", read the cautious way (yes; or a tick-box question's most cautious option).</param>
public sealed record AssessmentRequest(IReadOnlyDictionary<string, JsonElement> Answers, string? Follows = null, IReadOnlyList<string>? Unsure = null);
