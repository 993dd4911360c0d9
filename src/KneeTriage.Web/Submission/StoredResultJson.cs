using System.Text.Json;
using System.Text.Json.Serialization;

namespace KneeTriage.Web.Submission;

/// <summary>How a <see cref="StoredResult"/> is written to and read from the ResultJson column.</summary>
public static class StoredResultJson
{
    /// <summary>Urgency levels are written as the contract's ids ("see-clinician"), which kebab-case gives exactly.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    public static string Serialize(StoredResult result) => JsonSerializer.Serialize(result, Options);

    public static StoredResult Deserialize(string json) =>
        JsonSerializer.Deserialize<StoredResult>(json, Options)
        ?? throw new JsonException("A stored result holds JSON null.");
}
