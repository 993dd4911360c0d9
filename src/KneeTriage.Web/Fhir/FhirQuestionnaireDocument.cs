using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.Fhir;

/// <summary>
/// The questionnaire's JSON, made on first request and kept: the knowledge base is loaded once, so
/// only the canonical URL can change it (from the request's host when Site:PublicUrl is unset).
/// </summary>
public sealed class FhirQuestionnaireDocument(KnowledgeBase knowledgeBase)
{
    private volatile Made? last;

    public byte[] Json(string canonicalUrl)
    {
        if (last is { } made && made.CanonicalUrl == canonicalUrl)
        {
            return made.Json;
        }

        var json = FhirJson.Serialize(FhirQuestionnaireBuilder.Build(knowledgeBase, canonicalUrl));
        // One entry only: a stream of made-up hosts cannot grow it.
        last = new Made(canonicalUrl, json);
        return json;
    }

    private sealed record Made(string CanonicalUrl, byte[] Json);
}
