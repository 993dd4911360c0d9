using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace KneeTriage.Web.Tests.Fhir;

/// <summary>
/// Firely's validator against the FHIR R4 base profiles, working offline from the specification.zip
/// that Hl7.Fhir.Specification.Data.R4 copies beside the tests: no terminology server, no download.
/// </summary>
internal static class FhirR4Validator
{
    private static readonly Lock Gate = new();

    private static readonly Lazy<Validator> Validator = new(() =>
    {
        var specification = Path.Combine(AppContext.BaseDirectory, "specification.zip");
        Assert.True(File.Exists(specification), $"The R4 specification is not beside the tests: {specification}");
        var resolver = new CachedResolver(new ZipSource(specification));
        return new Validator(resolver, LocalTerminologyService.CreateDefaultForCore(resolver));
    });

    /// <summary>Reads FHIR JSON strictly: anything that is not valid R4 JSON throws.</summary>
    public static T Parse<T>(string json)
        where T : Resource =>
        new BaseFhirJsonDeserializer(ModelInfo.ModelInspector).Deserialize<T>(json);

    /// <summary>Every error-level (or fatal) issue the validator finds, in words; empty when the resource is valid.</summary>
    public static IReadOnlyList<string> Errors(Resource resource)
    {
        OperationOutcome outcome;
        // One validator for the whole run (loading the specification takes seconds); its caches are not shared across threads here.
        lock (Gate)
        {
            outcome = Validator.Value.Validate(resource);
        }

        return [.. outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{string.Join(",", i.Expression)}: {i.Details?.Text ?? i.Diagnostics}")];
    }
}
