namespace KneeTriage.Web.Countries;

/// <summary>
/// Where a same-day action sends a runner, each with its own words per country
/// (<c>countries.yaml</c>): the places to be seen today, or a doctor today (a possible clot, whose
/// scan a doctor arranges and an injury unit cannot).
/// </summary>
public enum SameDayService
{
    /// <summary>The same-day services (<see cref="Country.SameDayCare"/>), injury units included.</summary>
    Care,

    /// <summary>A doctor the same day (<see cref="Country.SameDayDoctor"/>): no injury unit.</summary>
    Doctor,
}
