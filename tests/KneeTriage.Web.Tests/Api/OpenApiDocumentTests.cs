using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Api;

/// <summary>
/// /openapi/v1.json is enough to use the API: it describes every answer the knowledge base asks
/// for, real answers match it, and requests generated from the document alone (as a schema fuzzer
/// would) are accepted when valid and never get a 5xx or a status the document does not list.
/// </summary>
public sealed class OpenApiDocumentTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task TheAnswersSchemaDescribesEveryQuestionOfTheLoadedKnowledgeBase()
    {
        var document = await LoadDocumentAsync(factory.CreatePlainClient());
        var answers = document["components"]!["schemas"]!["Answers"]!;
        var questions = factory.Services.GetRequiredService<KnowledgeBase>().Questions.ToList();

        Assert.Equal(questions.Select(q => q.Id).Order(StringComparer.Ordinal), answers["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(questions.Where(q => q.Required).Select(q => q.Id).Order(StringComparer.Ordinal), answers["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.False(answers["additionalProperties"]!.GetValue<bool>(), "unknown question ids are refused, so the schema says so");
        foreach (var question in questions)
        {
            var property = answers["properties"]![question.Id]!;
            var type = property["type"]!.GetValue<string>();
            switch (question.Type)
            {
                case QuestionType.Integer:
                    Assert.Equal("integer", type);
                    Assert.Equal(question.Min, property["minimum"]?.GetValue<int>());
                    Assert.Equal(question.Max, property["maximum"]?.GetValue<int>());
                    break;
                case QuestionType.Boolean:
                    Assert.Equal("boolean", type);
                    break;
                case QuestionType.One:
                    Assert.Equal("string", type);
                    Assert.Equal(question.Options.Select(o => o.Value), property["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
                    break;
                case QuestionType.Many:
                    Assert.Equal("array", type);
                    Assert.Equal(question.Options.Select(o => o.Value), property["items"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
                    break;
            }
        }
    }

    [Fact]
    public async Task RealAnswersMatchTheDocument()
    {
        var client = factory.CreatePlainClient();
        var document = await LoadDocumentAsync(client);
        var api = new DocumentedApi(document);

        using var created = await PostAsync(client, new JsonObject { ["answers"] = ApiClient.ValidAnswers() }.ToJsonString());
        await api.AssertMatchesAsync(created, "/api/assessments", "post", HttpStatusCode.Created);
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var id = body["id"]!.GetValue<string>();

        using var rejected = await PostAsync(client, new JsonObject { ["answers"] = new JsonObject { ["age"] = "old" } }.ToJsonString());
        await api.AssertMatchesAsync(rejected, "/api/assessments", "post", HttpStatusCode.BadRequest);
        using var read = await client.GetAsync($"/api/assessments/{id}");
        await api.AssertMatchesAsync(read, "/api/assessments/{id}", "get", HttpStatusCode.OK);
        using var unknown = await client.GetAsync("/api/assessments/AAAAAAAAAAAAAAAAAAAAAAAA");
        await api.AssertMatchesAsync(unknown, "/api/assessments/{id}", "get", HttpStatusCode.NotFound);
        using var questionnaire = await client.GetAsync("/api/questionnaire");
        await api.AssertMatchesAsync(questionnaire, "/api/questionnaire", "get", HttpStatusCode.OK);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/assessments/{id}");
        delete.Headers.Add("X-Delete-Key", body["deleteKey"]!.GetValue<string>());
        using var deleted = await client.SendAsync(delete);
        await api.AssertMatchesAsync(deleted, "/api/assessments/{id}", "delete", HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task AFollowUpItsSeriesAndAnUnprovenFollowsMatchTheDocument()
    {
        var client = factory.CreatePlainClient();
        var document = await LoadDocumentAsync(client);
        var api = new DocumentedApi(document);
        var post = document["paths"]!["/api/assessments"]!["post"]!;
        var deleteKey = post["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "X-Delete-Key")!;
        Assert.False(deleteKey["required"]?.GetValue<bool>() ?? false, "X-Delete-Key is documented as required on POST; v1 clients send none.");
        var request = api.Check.Resolve(document["components"]!["schemas"]!["AssessmentRequest"]!);
        Assert.NotNull(request["properties"]!["follows"]);
        Assert.DoesNotContain("follows", request["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.NotNull(api.Check.Resolve(document["components"]!["schemas"]!["AssessmentBody"]!)["properties"]!["series"]);

        using var created = await PostAsync(client, new JsonObject { ["answers"] = ApiClient.ValidAnswers() }.ToJsonString());
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        using var followUp = new HttpRequestMessage(HttpMethod.Post, "/api/assessments")
        {
            Content = new StringContent(new JsonObject { ["follows"] = body["id"]!.GetValue<string>(), ["answers"] = ApiClient.ValidAnswers() }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        followUp.Headers.Add("X-Delete-Key", body["deleteKey"]!.GetValue<string>());
        using var second = await client.SendAsync(followUp);
        await api.AssertMatchesAsync(second, "/api/assessments", "post", HttpStatusCode.Created);
        using var unproven = await PostAsync(client, new JsonObject { ["follows"] = body["id"]!.GetValue<string>(), ["answers"] = ApiClient.ValidAnswers() }.ToJsonString());
        await api.AssertMatchesAsync(unproven, "/api/assessments", "post", HttpStatusCode.NotFound);
        using var read = await client.GetAsync($"/api/assessments/{body["id"]!.GetValue<string>()}");
        await api.AssertMatchesAsync(read, "/api/assessments/{id}", "get", HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheDocumentsOwnExamplesAreAccepted()
    {
        var client = factory.CreatePlainClient();
        var document = await LoadDocumentAsync(client);
        var api = new DocumentedApi(document);
        var example = document["paths"]!["/api/assessments"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]!;

        using var response = await PostAsync(client, example.ToJsonString());

        await api.AssertMatchesAsync(response, "/api/assessments", "post", HttpStatusCode.Created);
    }

    [Fact]
    public async Task RequestsGeneratedFromTheDocumentAloneGetOnlyDocumentedAnswers()
    {
        var client = factory.CreatePlainClient();
        var document = await LoadDocumentAsync(client);
        var api = new DocumentedApi(document);
        var generator = new DocumentRequestGenerator(api.Check, document, new Random(20261201));
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();

        foreach (var (body, valid) in generator.AssessmentBodies(count: 150))
        {
            using var response = await PostAsync(client, body);
            var status = await api.AssertMatchesAsync(response, "/api/assessments", "post");
            Count(statuses, $"POST {(valid ? "schema-valid" : "schema-invalid")} {status}");
            if (!valid)
            {
                Assert.True(status >= 400, $"A body the document does not allow was accepted ({status}): {body}");
            }

            if (status == 201)
            {
                ids.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
            }
        }

        foreach (var id in ids.Take(10).Concat(generator.Ids(count: 40)))
        {
            using var read = await client.GetAsync($"/api/assessments/{Uri.EscapeDataString(id)}");
            Count(statuses, $"GET {await api.AssertMatchesAsync(read, "/api/assessments/{id}", "get")}");
            using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/assessments/{Uri.EscapeDataString(id)}");
            delete.Headers.TryAddWithoutValidation("X-Delete-Key", generator.HeaderValue());
            using var deleted = await client.SendAsync(delete);
            Count(statuses, $"DELETE {await api.AssertMatchesAsync(deleted, "/api/assessments/{id}", "delete")}");
        }

        var summary = string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}"));
        Assert.True(statuses.GetValueOrDefault("POST schema-valid 201") >= 10, $"Too few generated answer sets were accepted; the document does not say enough to make valid ones. {summary}");
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static async Task<JsonNode> LoadDocumentAsync(HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body) =>
        client.PostAsync("/api/assessments", new StringContent(body, Encoding.UTF8, "application/json"));
}

/// <summary>The operations of an OpenAPI document, and a check that an answer is one of those it lists.</summary>
public sealed class DocumentedApi(JsonNode document)
{
    public JsonSchemaCheck Check { get; } = new(document);

    /// <summary>Fails unless the status, content type, body and headers are as the document says; returns the status.</summary>
    public async Task<int> AssertMatchesAsync(HttpResponseMessage response, string path, string method, HttpStatusCode? expected = null)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (expected is { } wanted)
        {
            Assert.True(response.StatusCode == wanted, $"{method.ToUpperInvariant()} {path}: expected {(int)wanted}, got {status}: {body}");
        }

        Assert.True(status < 500, $"{method.ToUpperInvariant()} {path} answered {status}: {body}");
        var operation = document["paths"]?[path]?[method] ?? throw new InvalidOperationException($"The document has no {method} {path}.");
        var documented = operation["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        Assert.True(documented is not null, $"{method.ToUpperInvariant()} {path} answered {status}, which the document does not list ({string.Join(", ", operation["responses"]!.AsObject().Select(r => r.Key))}): {body}");

        if (documented["content"] is JsonObject content)
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            Assert.True(mediaType is not null && content[mediaType] is not null, $"{method.ToUpperInvariant()} {path} {status}: content type {mediaType}, the document lists {string.Join(", ", content.Select(c => c.Key))}");
            var problems = Check.Problems(JsonNode.Parse(body), content[mediaType]!["schema"]!);
            Assert.True(problems.Count == 0, $"{method.ToUpperInvariant()} {path} {status} does not match the document:\n{string.Join('\n', problems)}\n{body}");
        }

        foreach (var (name, header) in documented["headers"]?.AsObject() ?? [])
        {
            var values = response.Headers.TryGetValues(name, out var found) ? found.ToList() : [];
            if (header!["required"]?.GetValue<bool>() == true)
            {
                Assert.True(values.Count == 1, $"{method.ToUpperInvariant()} {path} {status}: the document requires the {name} header");
            }

            foreach (var value in values)
            {
                var problems = Check.Problems(JsonValue.Create(value), header["schema"]!);
                Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}");
            }
        }

        return status;
    }
}

/// <summary>Requests made from the document alone: answer sets from the schema (some broken on purpose), ids and header values.</summary>
public sealed class DocumentRequestGenerator(JsonSchemaCheck check, JsonNode document, Random random)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~.%!$&'()*+,;=: é/\\\"<>";

    private JsonNode AnswersSchema => check.Resolve(document["components"]!["schemas"]!["Answers"]!);

    /// <summary>Bodies for POST /api/assessments; valid says whether the schema allows it.</summary>
    public IEnumerable<(string Body, bool Valid)> AssessmentBodies(int count)
    {
        var request = check.Resolve(document["components"]!["schemas"]!["AssessmentRequest"]!);
        for (var i = 0; i < count; i++)
        {
            var answers = ValidAnswers();
            var valid = true;
            if (i % 3 == 2)
            {
                Break(answers);
                valid = false;
            }

            var body = new JsonObject { ["answers"] = answers };
            Assert.True(check.Problems(body, request).Count == 0 == valid, $"The generator's idea of a valid body disagrees with the schema: {body.ToJsonString()}");
            yield return (body.ToJsonString(), valid);
        }

        yield return ("{\"answers\": [] }", false);
        yield return ("{}", false);
        yield return ("not json", false);
    }

    public IEnumerable<string> Ids(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return RandomString(random.Next(1, i % 10 == 0 ? 300 : 40));
        }
    }

    public string HeaderValue() => random.Next(4) == 0 ? string.Empty : new string([.. Enumerable.Range(0, random.Next(1, 60)).Select(_ => (char)random.Next(0x21, 0x7f))]);

    /// <summary>Answers drawn from the properties until a set also keeps the cross-field rules (allOf) the schema states.</summary>
    private JsonObject ValidAnswers()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var answers = AnyAnswers();
            if (check.IsValid(answers, AnswersSchema))
            {
                return answers;
            }
        }

        throw new InvalidOperationException("No answer set drawn from the Answers schema kept its rules in 1,000 tries.");
    }

    private JsonObject AnyAnswers()
    {
        var schema = AnswersSchema;
        var required = schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var answers = new JsonObject();
        foreach (var (name, property) in schema["properties"]!.AsObject())
        {
            if (required.Contains(name) || random.Next(2) == 0)
            {
                answers[name] = Generate(property!);
            }
        }

        return answers;
    }

    private JsonNode Generate(JsonNode schema) => schema["type"]!.GetValue<string>() switch
    {
        "integer" => JsonValue.Create(random.Next(schema["minimum"]!.GetValue<int>(), schema["maximum"]!.GetValue<int>() + 1)),
        "boolean" => JsonValue.Create(random.Next(4) == 0),
        "string" => Pick(schema["enum"]!.AsArray()),
        // Contract v1.2's activities: 1 to maxItems entries of an activity and a score.
        "array" when schema["items"]!["type"]?.GetValue<string>() == "object" => new JsonArray([.. Enumerable.Range(1, random.Next(1, schema["maxItems"]!.GetValue<int>() + 1))
            .Select(n => (JsonNode)new JsonObject { ["activity"] = $"Activity {n}", ["score"] = random.Next(0, 11) })]),
        _ => new JsonArray([.. schema["items"]!["enum"]!.AsArray().Where(_ => random.Next(3) == 0).Select(v => v!.DeepClone())]),
    };

    private JsonNode Pick(JsonArray values) => values[random.Next(values.Count)]!.DeepClone();

    /// <summary>One change the schema forbids: a wrong type, a value out of range or not listed, a missing required answer, an unknown id.</summary>
    private void Break(JsonObject answers)
    {
        var schema = AnswersSchema;
        var properties = schema["properties"]!.AsObject().ToList();
        var (name, property) = properties[random.Next(properties.Count)];
        var type = property!["type"]!.GetValue<string>();
        switch (random.Next(4))
        {
            case 0:
                answers[name] = type == "string" ? JsonValue.Create(7) : JsonValue.Create("seven");
                break;
            case 1:
                answers[name] = type switch
                {
                    "integer" => JsonValue.Create(property["maximum"]!.GetValue<int>() + 1 + random.Next(1000)),
                    "boolean" => JsonValue.Create("yes"),
                    "string" => JsonValue.Create("not-an-option"),
                    _ => new JsonArray("not-an-option"),
                };
                break;
            case 2:
                answers.Remove(schema["required"]!.AsArray()[random.Next(schema["required"]!.AsArray().Count)]!.GetValue<string>());
                break;
            default:
                answers["not-a-question-" + random.Next(100)] = true;
                break;
        }
    }

    private string RandomString(int length) => new([.. Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
}
