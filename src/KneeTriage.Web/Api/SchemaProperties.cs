using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace KneeTriage.Web.Api;

/// <summary>Edits to one property of a body's schema, named as the JSON names it (camelCase).</summary>
public static class SchemaProperties
{
    public static void Describe(this OpenApiSchema schema, string property, string description)
    {
        if (schema.Property(property) is { } target)
        {
            target.Description = description;
        }
    }

    /// <summary>The property's values are one of <paramref name="values"/> (an enum in the document).</summary>
    public static void AllowOnly(this OpenApiSchema schema, string property, IEnumerable<string> values)
    {
        if (schema.Property(property) is { } target)
        {
            target.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        }
    }

    public static void Bound(this OpenApiSchema schema, string property, string minimum, string maximum)
    {
        if (schema.Property(property) is { } target)
        {
            target.Minimum = minimum;
            target.Maximum = maximum;
        }
    }

    /// <summary>The JSON name of a C# property: <c>nameof(AssessmentBody.Urgency)</c> is "urgency".</summary>
    public static string JsonName(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    public static OpenApiSchema? Property(this OpenApiSchema schema, string property) =>
        schema.Properties?.TryGetValue(property, out var found) == true ? found as OpenApiSchema : null;
}
