using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace KneeTriage.Web.Fhir;

/// <summary>FHIR resources written by Firely's serializer as application/fhir+json.</summary>
public static class FhirJson
{
    public const string ContentType = "application/fhir+json";

    // Made on first use: Firely reads its whole R4 model by reflection, which no other request needs.
    private static readonly Lazy<BaseFhirJsonSerializer> Serializer = new(() => new BaseFhirJsonSerializer(ModelInfo.ModelInspector));

    public static byte[] Serialize(Resource resource) => Serializer.Value.SerializeToBytes(resource);

    public static IResult Result(byte[] json) => TypedResults.Bytes(json, ContentType);
}
