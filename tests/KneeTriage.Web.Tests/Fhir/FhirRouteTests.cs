using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KneeTriage.Web.Infrastructure.Security;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.LogPrivacy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KneeTriage.Web.Tests.Fhir;

/// <summary>The FHIR routes as the rest of the API is: in the OpenAPI document, on the lookup budget, out of the logs.</summary>
public sealed class FhirRouteTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task TheOpenApiDocumentListsBothRoutesAsFhirJson()
    {
        var document = JsonNode.Parse(await factory.CreatePlainClient().GetStringAsync("/openapi/v1.json"))!;

        foreach (var (path, resourceType) in new[] { ("/api/questionnaire/fhir", "Questionnaire"), ("/api/assessments/{id}/fhir", "Bundle") })
        {
            var get = document["paths"]?[path]?["get"];
            Assert.True(get is not null, $"The document has no GET {path}.");
            var schema = get["responses"]!["200"]!["content"]!["application/fhir+json"]!["schema"]!;
            Assert.Equal(resourceType, schema["properties"]!["resourceType"]!["enum"]![0]!.GetValue<string>());
        }

        var assessment = document["paths"]!["/api/assessments/{id}/fhir"]!["get"]!["responses"]!.AsObject();
        Assert.True(assessment.ContainsKey("404") && assessment.ContainsKey("429"), $"GET /api/assessments/{{id}}/fhir lists {string.Join(", ", assessment.Select(r => r.Key))}");
    }

    [Fact]
    public async Task RealAnswersMatchTheDocument()
    {
        var client = factory.CreatePlainClient();
        var api = new DocumentedApi(JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!);
        using var created = await ApiClient.PostAnswersAsync(client, ApiClient.ValidAnswers());
        var id = (await ApiClient.JsonAsync(created)).GetProperty("id").GetString()!;

        using var questionnaire = await client.GetAsync("/api/questionnaire/fhir");
        using var bundle = await client.GetAsync($"/api/assessments/{id}/fhir");
        using var unknown = await client.GetAsync("/api/assessments/AAAAAAAAAAAAAAAAAAAAAAAA/fhir");

        await api.AssertMatchesAsync(questionnaire, "/api/questionnaire/fhir", "get", HttpStatusCode.OK);
        await api.AssertMatchesAsync(bundle, "/api/assessments/{id}/fhir", "get", HttpStatusCode.OK);
        await api.AssertMatchesAsync(unknown, "/api/assessments/{id}/fhir", "get", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/assessments/abc/fhir", RateLimitPolicies.Lookups)]
    [InlineData("/results/abc/next-check.ics", RateLimitPolicies.Lookups)]
    [InlineData("/api/questionnaire/fhir", null)]
    public void TokenRoutesSpendTheLookupBudgetLikeTheAssessment(string path, string? expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.SetEndpoint(MappedEndpoints.Match(MappedEndpoints.Of(factory), "GET", path));

        Assert.Equal(expected, RateLimitPolicies.Classify(context));
    }

    [Fact]
    public async Task TooManyLookupsOfTheBundleGet429()
    {
        using var app = RateLimitsOffAppFactory.With(new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:Lookups:PermitLimit"] = "2",
            ["RateLimiting:Lookups:Window"] = "00:10:00",
        });
        using var client = app.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.GetAsync("/api/assessments/AAAAAAAAAAAAAAAAAAAAAAAA/fhir");
            Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode);
        }

        using var rejected = await client.GetAsync("/api/assessments/AAAAAAAAAAAAAAAAAAAAAAAA/fhir");

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DownloadingTheBundleAndTheReminderLogsNoTokenOrAnswer()
    {
        var sink = new CollectingLogSink();
        using var app = LogPrivacyTests.ChattyApp(sink);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await LogPrivacyTests.WarmUpAsync(client, sink);
        var answers = ApiClient.ValidAnswers();
        // Values that appear nowhere else in a request's log.
        answers["pain-type"] = "burning-or-tingling";
        answers["swelling"] = new JsonArray("lump-behind-knee");
        answers["swelling-onset"] = "comes-and-goes";
        using var created = await ApiClient.PostAnswersAsync(client, answers);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("id").GetString()!;

        using var bundle = await client.GetAsync($"/api/assessments/{token}/fhir");
        using var reminder = await client.GetAsync($"/results/{token}/next-check.ics");

        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reminder.StatusCode);
        LogPrivacyTests.AssertNothingSecretLogged(sink, token, deleteKey: string.Empty);
    }
}
