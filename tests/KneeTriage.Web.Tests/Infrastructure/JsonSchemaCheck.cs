using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>
/// Checks a JSON value against a schema of an OpenAPI 3.1 document (JSON Schema 2020-12), for the
/// keywords the API's document uses: $ref, type, enum, minimum, maximum, pattern, minLength,
/// maxLength (in code points), required, properties, additionalProperties, items, uniqueItems,
/// minItems, maxItems, contains, allOf, anyOf, not and if/then/else. Each problem names its JSON
/// path, and a failed part of allOf its description when it has one.
/// </summary>
public sealed class JsonSchemaCheck(JsonNode document)
{
    public IReadOnlyList<string> Problems(JsonNode? value, JsonNode schema)
    {
        var problems = new List<string>();
        Check(value, schema, "$", problems);
        return problems;
    }

    public JsonNode Resolve(JsonNode schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var node = document;
            foreach (var part in reference.TrimStart('#', '/').Split('/'))
            {
                node = node[part] ?? throw new InvalidOperationException($"The document has no {reference}.");
            }

            schema = node;
        }

        return schema;
    }

    public bool IsValid(JsonNode? value, JsonNode schema) => Problems(value, schema).Count == 0;

    private void Check(JsonNode? value, JsonNode schema, string path, List<string> problems)
    {
        schema = Resolve(schema);
        CheckCombinations(value, schema, path, problems);
        CheckOwn(value, schema, path, problems);
    }

    private void CheckCombinations(JsonNode? value, JsonNode schema, string path, List<string> problems)
    {
        foreach (var part in schema["allOf"]?.AsArray() ?? [])
        {
            var partProblems = Problems(value, part!);
            if (partProblems.Count > 0)
            {
                problems.Add(part!["description"]?.GetValue<string>() is { } rule ? $"{path}: {rule}" : string.Join("; ", partProblems));
            }
        }

        if (schema["anyOf"] is JsonArray anyOf && !anyOf.Any(part => IsValid(value, part!)))
        {
            problems.Add($"{path}: matches none of anyOf");
        }

        if (schema["not"] is { } not && IsValid(value, not))
        {
            problems.Add($"{path}: matches a schema under 'not'");
        }

        if (schema["if"] is { } condition)
        {
            var branch = IsValid(value, condition) ? schema["then"] : schema["else"];
            if (branch is not null)
            {
                Check(value, branch, path, problems);
            }
        }

        if (value is JsonArray list)
        {
            if (schema["minItems"] is { } minItems && list.Count < minItems.GetValue<int>())
            {
                problems.Add($"{path}: fewer than {minItems} items");
            }

            if (schema["maxItems"] is { } maxItems && list.Count > maxItems.GetValue<int>())
            {
                problems.Add($"{path}: more than {maxItems} items");
            }

            if (schema["contains"] is { } contains && !list.Any(item => IsValid(item, contains)))
            {
                problems.Add($"{path}: no item matches 'contains'");
            }
        }

        if (value is JsonValue text && text.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            var length = text.GetValue<string>().EnumerateRunes().Count();
            if (schema["minLength"] is { } minLength && length < minLength.GetValue<int>())
            {
                problems.Add($"{path}: shorter than {minLength}");
            }

            if (schema["maxLength"] is { } maxLength && length > maxLength.GetValue<int>())
            {
                problems.Add($"{path}: longer than {maxLength}");
            }
        }
    }

    private void CheckOwn(JsonNode? value, JsonNode schema, string path, List<string> problems)
    {
        schema = Resolve(schema);
        var kind = KindOf(value);
        if (schema["type"] is { } type)
        {
            var allowed = type is JsonArray list ? list.Select(t => t!.GetValue<string>()).ToList() : [type.GetValue<string>()];
            if (!allowed.Contains(kind) && !(kind == "integer" && allowed.Contains("number")))
            {
                problems.Add($"{path}: {kind}, but the document says {string.Join(" or ", allowed)}");
                return;
            }
        }

        if (schema["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
        {
            problems.Add($"{path}: {value?.ToJsonString()} is not one of {options.ToJsonString()}");
        }

        if (kind is "integer" or "number")
        {
            var number = double.Parse(value!.ToJsonString(), CultureInfo.InvariantCulture);
            if (schema["minimum"] is { } minimum && number < double.Parse(minimum.ToJsonString(), CultureInfo.InvariantCulture))
            {
                problems.Add($"{path}: {number} is below the minimum {minimum}");
            }

            if (schema["maximum"] is { } maximum && number > double.Parse(maximum.ToJsonString(), CultureInfo.InvariantCulture))
            {
                problems.Add($"{path}: {number} is above the maximum {maximum}");
            }
        }

        if (kind == "string" && schema["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(value!.GetValue<string>(), pattern))
        {
            problems.Add($"{path}: \"{value}\" does not match {pattern}");
        }

        if (value is JsonObject obj)
        {
            foreach (var required in schema["required"]?.AsArray() ?? [])
            {
                if (!obj.ContainsKey(required!.GetValue<string>()))
                {
                    problems.Add($"{path}: {required} is missing");
                }
            }

            var properties = schema["properties"]?.AsObject();
            foreach (var (name, child) in obj)
            {
                if (properties?[name] is { } propertySchema)
                {
                    Check(child, propertySchema, $"{path}.{name}", problems);
                }
                else if (schema["additionalProperties"] is { } additional)
                {
                    if (additional is JsonValue flag && !flag.GetValue<bool>())
                    {
                        problems.Add($"{path}: {name} is not a property the document lists");
                    }
                    else if (additional is JsonObject additionalSchema)
                    {
                        Check(child, additionalSchema, $"{path}.{name}", problems);
                    }
                }
            }
        }

        if (value is JsonArray array && schema["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], items, $"{path}[{i}]", problems);
            }

            if (schema["uniqueItems"]?.GetValue<bool>() == true && array.Select(a => a?.ToJsonString()).Distinct(StringComparer.Ordinal).Count() != array.Count)
            {
                problems.Add($"{path}: items repeat");
            }
        }
    }

    private static string KindOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => IsWhole(value) ? "integer" : "number",
            _ => "null",
        },
    };

    private static bool IsWhole(JsonNode value) =>
        decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number);
}
