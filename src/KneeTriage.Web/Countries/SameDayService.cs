namespace KneeTriage.Web.Countries;

/// <summary>
/// Where a same-day action sends a runner, each with its own words per country
/// (<c>countries.yaml</c>): the places to be seen today, injury units included, for injury signs; or a
/// doctor today for any other same-day sign (a possible clot, whose scan a doctor arranges; a hot knee,
/// a possible joint infection), chosen by the rules raised (advice.yaml's <c>whenRaised</c>).
/// </summary>
public enum SameDayService
{
    /// <summary>The same-day services (<see cref="Country.SameDayCare"/>), injury units included.</summary>
    Care,

    /// <summary>A doctor the same day (<see cref="Country.SameDayDoctor"/>): no injury unit.</summary>
    Doctor,
}
