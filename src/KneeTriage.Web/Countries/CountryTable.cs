using System.Collections.Frozen;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KneeTriage.Web.Countries;

/// <summary>
/// The countries a viewer can choose, read once from <c>countries.yaml</c> (built into the assembly,
/// so the app needs no file for it) and checked as it is read: a broken table stops the app at its
/// first page rather than showing a runner a wrong number.
/// </summary>
public sealed partial class CountryTable
{
    /// <summary>The code for "anywhere else": 112 and "your local emergency number".</summary>
    public const string ElsewhereCode = "ZZ";

    private const string ResourceName = "KneeTriage.Web.Countries.countries.yaml";

    private static readonly Lazy<CountryTable> Loaded = new(() => Parse(ReadResource()));

    private readonly FrozenDictionary<string, Country> byCode;

    private CountryTable(IReadOnlyList<Country> countries)
    {
        All = countries;
        byCode = countries.ToFrozenDictionary(country => country.Code, StringComparer.OrdinalIgnoreCase);
        Elsewhere = byCode[ElsewhereCode];
    }

    /// <summary>The table built into the app.</summary>
    public static CountryTable Default => Loaded.Value;

    /// <summary>In the order the footer lists them, "anywhere else" last.</summary>
    public IReadOnlyList<Country> All { get; }

    public Country Elsewhere { get; }

    /// <summary>The country with this code; anything else (unknown, empty, malformed) is "anywhere else", never an error.</summary>
    public Country Find(string? code) =>
        code is { Length: 2 } && byCode.TryGetValue(code, out var country) ? country : Elsewhere;

    /// <summary>True for a code in the table.</summary>
    public bool Knows(string? code) => code is { Length: 2 } && byCode.ContainsKey(code);

    internal static CountryTable Parse(string yaml)
    {
        var file = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build()
            .Deserialize<CountryFile>(yaml) ?? throw Broken("the file is empty");
        var countries = (file.Countries ?? []).Select(Check).ToList();
        if (countries.Count == 0 || countries[^1].Code != ElsewhereCode)
        {
            throw Broken($"the last country must be {ElsewhereCode} (anywhere else)");
        }

        var repeated = countries.GroupBy(country => country.Code).FirstOrDefault(group => group.Count() > 1);
        return repeated is null ? new CountryTable(countries) : throw Broken($"{repeated.Key} is listed twice");
    }

    private static Country Check(CountryEntry entry)
    {
        var code = Required(entry.Code, "code", "?");
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
        {
            throw Broken($"{code}: a code is two capital letters");
        }

        var country = new Country
        {
            Code = code,
            Name = Required(entry.Name, "name", code),
            Emergency = Required(entry.Emergency, "emergency", code),
            EmergencyDepartment = Required(entry.EmergencyDepartment, "emergencyDepartment", code),
            UrgentLine = Required(entry.UrgentLine, "urgentLine", code),
            UrgentLineShort = string.IsNullOrWhiteSpace(entry.UrgentLineShort) ? null : entry.UrgentLineShort,
            SameDayCare = Required(entry.SameDayCare, "sameDayCare", code),
            SameDayDoctor = Required(entry.SameDayDoctor, "sameDayDoctor", code),
            OutOfHours = Required(entry.OutOfHours, "outOfHours", code),
            FindEmergencyDepartment = string.IsNullOrWhiteSpace(entry.FindEmergencyDepartment) ? null : entry.FindEmergencyDepartment,
            Links = (entry.Links ?? []).Select(link => new CountryLink(
                Required(link.Words, "links.words", code),
                Uri.TryCreate(link.Url, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps ? url : throw Broken($"{code}: a link's url is not an https link"))).ToList(),
            Clinician = Required(entry.Clinician, "clinician", code),
            SelfReferral = entry.SelfReferral ?? "",
            Numbers = entry.Numbers is { Count: > 0 } numbers ? numbers : throw Broken($"{code}: numbers are missing"),
            Sources = (entry.Sources ?? []).Select(source => new CountrySource(
                Required(source.About, "sources.about", code),
                Required(source.Title, "sources.title", code),
                Uri.TryCreate(source.Url, UriKind.Absolute, out var url) ? url : throw Broken($"{code}: a source's url is not a link"))).ToList(),
        };

        if (country.Sources.Count == 0)
        {
            throw Broken($"{code}: every country needs a source for its services");
        }

        if (!country.Emergency.StartsWith(country.EmergencyNumber, StringComparison.Ordinal))
        {
            throw Broken($"{code}: the first number must be the emergency number the words start with");
        }

        string[] fields = [country.Emergency, country.UrgentLine, country.SameDayCare, country.SameDayDoctor, country.OutOfHours, country.SelfReferral, country.FindEmergencyDepartment ?? ""];
        var words = string.Join(" ", fields);
        // A link whose words are in none of the country's words would never be drawn.
        var unlinked = country.Links.FirstOrDefault(link => !fields.Any(field => field.Contains(link.Words, StringComparison.Ordinal)));
        if (unlinked is not null)
        {
            throw Broken($"{code}: the link words \"{unlinked.Words}\" are in no words");
        }

        var unused = country.Numbers.FirstOrDefault(number => !words.Contains(number, StringComparison.Ordinal));
        if (unused is not null)
        {
            throw Broken($"{code}: the number {unused} is in no words");
        }

        // Only the numbers listed become tap-to-call links: one written in the words but not listed
        // would show as plain text a runner cannot tap.
        var unlisted = fields.SelectMany(field => PhoneNumber().Matches(field)).Select(number => number.Value).FirstOrDefault(number => !country.Numbers.Contains(number));
        if (unlisted is not null)
        {
            throw Broken($"{code}: the number {unlisted} is in the words but not in numbers");
        }

        if (country.UrgentLineShort is not null && country.UrgentNumber is null)
        {
            throw Broken($"{code}: urgentLineShort is only for an urgent line with a number in its words");
        }

        return country;
    }

    [GeneratedRegex(@"\d+(?: \d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();

    private static string Required(string? value, string field, string code) =>
        string.IsNullOrWhiteSpace(value) ? throw Broken($"{code}: {field} is missing") : value;

    private static InvalidOperationException Broken(string problem) => new($"countries.yaml: {problem}.");

    private static string ReadResource()
    {
        using var stream = typeof(CountryTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw Broken("the file is not built into the app");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed class CountryFile
    {
        public List<CountryEntry>? Countries { get; set; }
    }

    private sealed class CountryEntry
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Emergency { get; set; }
        public string? EmergencyDepartment { get; set; }
        public string? UrgentLine { get; set; }
        public string? UrgentLineShort { get; set; }
        public string? SameDayCare { get; set; }
        public string? SameDayDoctor { get; set; }
        public string? OutOfHours { get; set; }
        public string? FindEmergencyDepartment { get; set; }
        public List<LinkEntry>? Links { get; set; }
        public string? Clinician { get; set; }
        public string? SelfReferral { get; set; }
        public List<string>? Numbers { get; set; }
        public List<SourceEntry>? Sources { get; set; }
    }

    private sealed class LinkEntry
    {
        public string? Words { get; set; }
        public string? Url { get; set; }
    }

    private sealed class SourceEntry
    {
        public string? About { get; set; }
        public string? Title { get; set; }
        public string? Url { get; set; }
    }
}
