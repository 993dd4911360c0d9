namespace KneeTriage.Web.Countries;

/// <summary>
/// One country's emergency number and services, as <c>countries.yaml</c> gives them: the words that
/// replace the UK's words the knowledge base and stored results are written in (see <see cref="ServiceText"/>).
/// </summary>
public sealed record Country
{
    /// <summary>The code the cookie keeps (<c>GB</c>, <c>US</c>...; <c>ZZ</c> for anywhere else).</summary>
    public required string Code { get; init; }

    /// <summary>How the footer names it ("the UK", "anywhere else").</summary>
    public required string Name { get; init; }

    /// <summary>The words for the emergency number ("999", "112 or 999").</summary>
    public required string Emergency { get; init; }

    /// <summary>What replaces "A&amp;E".</summary>
    public required string EmergencyDepartment { get; init; }

    /// <summary>What replaces "NHS 111": a service to call or go to today.</summary>
    public required string UrgentLine { get; init; }

    /// <summary>The urgent page's call button ("Call NHS 111"), only for a line with a number.</summary>
    public string? UrgentLineShort { get; init; }

    /// <summary>
    /// What replaces the UK's same-day services ("NHS 111, an urgent GP appointment, an urgent
    /// treatment centre or a minor injuries unit"): where a runner can be seen today.
    /// </summary>
    public required string SameDayCare { get; init; }

    /// <summary>
    /// What replaces "NHS 111 or an urgent GP appointment": a doctor the same day, for a possible
    /// clot, where an injury unit on the same-day list could not arrange the scan.
    /// </summary>
    public required string SameDayDoctor { get; init; }

    /// <summary>
    /// Where to go for a same-day action in the evening or at the weekend, when the surgery or clinic
    /// is closed: a whole sentence, put just after a same-day list that ends a sentence, so the
    /// route is part of that one action (<see cref="ServiceText"/>). It follows the doctor's list
    /// too, so it names no injury unit.
    /// </summary>
    public required string OutOfHours { get; init; }

    /// <summary>
    /// Where to find the nearest emergency department, when the department's name alone does not say
    /// (Ireland's are listed by the HSE): a whole sentence, put just after "Go to an emergency
    /// department (A&amp;E) now.", so it is part of that one action. Null where the name is enough.
    /// </summary>
    public string? FindEmergencyDepartment { get; init; }

    /// <summary>
    /// Words in this country's own words (above) drawn as a link to a service's page: the HSE's lists
    /// of emergency departments and GP out-of-hours services. A plain link, like the footer's
    /// sources: it leaves the site only when the runner follows it, so the site's CSP is untouched.
    /// </summary>
    public IReadOnlyList<CountryLink> Links { get; init; } = [];

    /// <summary>What replaces "a GP or a physiotherapist".</summary>
    public required string Clinician { get; init; }

    /// <summary>What replaces the UK's self-referral note; empty drops it.</summary>
    public required string SelfReferral { get; init; }

    /// <summary>Every phone number in the words above, each drawn as a tap-to-call link.</summary>
    public required IReadOnlyList<string> Numbers { get; init; }

    /// <summary>Where each service was checked.</summary>
    public required IReadOnlyList<CountrySource> Sources { get; init; }

    /// <summary>
    /// The sources for the emergency number only (those whose <see cref="CountrySource.About"/> names it):
    /// what the footer cites beside an emergency action, where a source for physiotherapy or an injury
    /// unit read to walk 23's runners as a gentler place to go.
    /// </summary>
    public IEnumerable<CountrySource> EmergencyNumberSources =>
        Sources.Where(source => System.Text.RegularExpressions.Regex.IsMatch(source.About, $@"(?<!\d){System.Text.RegularExpressions.Regex.Escape(EmergencyNumber)}(?!\d)"));

    /// <summary>The number the emergency call button dials (the first of <see cref="Numbers"/>).</summary>
    public string EmergencyNumber => Numbers[0];

    /// <summary>The urgent line's number, when it has one of its own (not the emergency number).</summary>
    public string? UrgentNumber => UrgentLineShort is null ? null : Numbers.FirstOrDefault(number => UrgentLine.Contains(number, StringComparison.Ordinal));
}

/// <summary>Words in a country's own words that link to a service's page (<see cref="Country.Links"/>).</summary>
public sealed record CountryLink(string Words, Uri Url);

/// <summary>A source for a country's services: what it confirms, its publisher and title, and a link.</summary>
public sealed record CountrySource(string About, string Title, Uri Url);
