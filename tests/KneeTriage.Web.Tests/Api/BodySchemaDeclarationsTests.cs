using System.Text.Json;
using KneeTriage.Web.Api;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace KneeTriage.Web.Tests.Api;

/// <summary>
/// What the endpoints declare about their bodies beyond the types (Api/AssessmentSchemas,
/// Boards/BoardSchemas) is in the OpenAPI document, so a client generated from it knows the values.
/// </summary>
public sealed class BodySchemaDeclarationsTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private static readonly string[] UrgencyIds = ["self-care", "see-clinician", "urgent", "emergency"];

    [Fact]
    public async Task EveryCheckAndWarningListsTheFourUrgencies()
    {
        var schemas = await SchemasAsync();

        foreach (var body in new[] { "AssessmentBody", "SeriesEntryBody", "RedFlagBody", "LatestCheckBody" })
        {
            var urgency = Property(schemas, body, "urgency");
            Assert.True(urgency.TryGetProperty("enum", out var values), $"{body}.urgency lists no values.");
            Assert.Equal(UrgencyIds.Order(), values.EnumerateArray().Select(v => v.GetString()).Order());
        }
    }

    [Fact]
    public async Task ASeriesEntrysPainIsFromZeroToTenAndItsIdLeadsToTheResult()
    {
        var schemas = await SchemasAsync();

        var pain = Property(schemas, "SeriesEntryBody", "painSeverity");
        Assert.Equal(0, pain.GetProperty("minimum").GetDecimal());
        Assert.Equal(10, pain.GetProperty("maximum").GetDecimal());
        Assert.Contains("/results/{id}", schemas.GetProperty("SeriesEntryBody").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStoredAnswersAreAnObjectApartFromTodaysAnswersSchema()
    {
        var schemas = await SchemasAsync();

        Assert.Equal("#/components/schemas/StoredAnswers", Property(schemas, "AssessmentBody", "answers").GetProperty("$ref").GetString());
        Assert.Equal("object", schemas.GetProperty("StoredAnswers").GetProperty("type").GetString());
        Assert.Equal("#/components/schemas/Answers", Property(schemas, "AssessmentRequest", "answers").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task TheBoardSaysWhatAnAthleteHidesAndWhatShowResultOpens()
    {
        var schemas = await SchemasAsync();

        Assert.Contains("are null", Property(schemas, "AthleteBody", "resultShared").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("open the full result", Property(schemas, "CreateShareRequest", "showResult").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Riverside RC juniors", schemas.GetProperty("CreateBoardRequest").GetProperty("examples")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task AnEndpointDescribingABodyItDoesNotHaveFailsTheDocumentNamingBoth()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        // The app's own registration (the document's operations are transformed before the document is).
        builder.Services.AddAssessmentApi();
        await using var app = builder.Build();
        app.MapGet("/nothing", () => TypedResults.NoContent()).WithBodySchema<AssessmentBody>((_, _) => { });
        app.MapOpenApi();
        await app.StartAsync();
        using var client = app.GetTestClient();

        var error = await Record.ExceptionAsync(() => client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        Assert.IsType<InvalidOperationException>(error);
        Assert.Contains("GET /nothing", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(AssessmentBody), error.Message, StringComparison.Ordinal);
    }

    private async Task<JsonElement> SchemasAsync()
    {
        using var response = await factory.CreatePlainClient().GetAsync("/openapi/v1.json");
        return (await ApiClient.JsonAsync(response)).GetProperty("components").GetProperty("schemas");
    }

    private static JsonElement Property(JsonElement schemas, string schema, string property) =>
        schemas.GetProperty(schema).GetProperty("properties").GetProperty(property);
}
