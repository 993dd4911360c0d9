using Hl7.Fhir.Model;
using FhirQuestionnaire = Hl7.Fhir.Model.Questionnaire;

namespace KneeTriage.Web.Tests.Fhir;

/// <summary>Walking the nested items of a Questionnaire or QuestionnaireResponse.</summary>
internal static class FhirTestData
{
    public static IEnumerable<FhirQuestionnaire.ItemComponent> AllItems(IEnumerable<FhirQuestionnaire.ItemComponent> items) =>
        items.SelectMany(i => AllItems(i.Item).Prepend(i));

    /// <summary>Every item, also those nested in an answer (a question's parts).</summary>
    public static IEnumerable<QuestionnaireResponse.ItemComponent> AllItems(IEnumerable<QuestionnaireResponse.ItemComponent> items) =>
        items.SelectMany(i => AllItems(i.Item.Concat(i.Answer.SelectMany(a => a.Item))).Prepend(i));

    /// <summary>A FHIR value of the expected type, or a failed assertion naming what it was.</summary>
    public static T Is<T>(DataType? value)
        where T : DataType => Assert.IsType<T>(value);
}
