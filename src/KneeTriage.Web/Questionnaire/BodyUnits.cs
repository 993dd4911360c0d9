using KneeTriage.Web.Countries;

namespace KneeTriage.Web.Questionnaire;

/// <summary>How a viewer measures a body: centimetres and kilograms, or feet, inches and pounds.</summary>
public enum BodyUnits
{
    Metric,
    FeetInchesPounds,
}

/// <summary>
/// The units a page asks height and weight in and reads them back in, for the viewer's country
/// (decision 0029: what a page shows follows the viewer's country; answers are stored as the contract
/// has them, <c>height-cm</c> and <c>weight-kg</c>, whatever the page asked in). Walkers on a US page
/// typed their weight in pounds into a field stored as kilograms (decision 0043).
/// </summary>
public static class ViewerBodyUnits
{
    /// <summary>
    /// The countries of the table whose people give their height in feet and inches and their weight
    /// in pounds: the US. (Canada, the UK and the rest measure officially in metric; a runner there
    /// sees "cm" and "kg" beside the fields.)
    /// </summary>
    private static readonly HashSet<string> FeetInchesPoundsCountries = new(StringComparer.Ordinal) { "US" };

    public static BodyUnits Of(Country country)
    {
        ArgumentNullException.ThrowIfNull(country);
        return FeetInchesPoundsCountries.Contains(country.Code) ? BodyUnits.FeetInchesPounds : BodyUnits.Metric;
    }

    public static BodyUnits Of(HttpContext context) => Of(ViewerCountry.Of(context));
}
