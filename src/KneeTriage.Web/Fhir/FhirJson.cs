using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace KneeTriage.Web.Fhir;

/// <summary>FHIR resources written by Firely's serializer as application/fhir+json.</summary>
public static class FhirJson
{
    public const string ContentType = "application/fhir+json";

    public static byte[] Serialize(Resource resource) => Firely.Serializer.SerializeToBytes(resource);

    public static IResult Result(byte[] json) => TypedResults.Bytes(json, ContentType);

    /// <summary>
    /// Made on first use: Firely reads its whole R4 model by reflection, which no other request needs.
    /// A class of its own, so mapping the FHIR endpoints (which compiles calls to <see cref="Result"/>)
    /// does not load Firely's assemblies at start-up (decision 0038).
    /// </summary>
    private static class Firely
    {
        public static readonly BaseFhirJsonSerializer Serializer = new(ModelInfo.ModelInspector);
    }
}
