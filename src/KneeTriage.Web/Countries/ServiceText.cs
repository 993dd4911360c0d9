using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Html;

namespace KneeTriage.Web.Countries;

/// <summary>
/// Draws text that may name an emergency number or a service for one viewer's country: the one
/// renderer every such text passes through (the footer, the check's start and interruption pages,
/// a result's disposition, stored results included, and the guide). The knowledge base and stored
/// results are written in the UK's words; each of these phrases is swapped for the country's own
/// (<c>countries.yaml</c>) and every phone number becomes a tap-to-call <c>tel:</c> link:
/// <list type="bullet">
/// <item><c>999</c>: the emergency number; <c>A&amp;E</c> and "emergency department (A&amp;E)": the emergency department</item>
/// <item><c>NHS 111</c> (or a bare <c>111</c>, "in the UK, NHS 111"): the urgent line</item>
/// <item>"NHS 111, an urgent GP appointment, an urgent treatment centre or a minor injuries unit": the places to be seen the same day</item>
/// <item>"NHS 111 or an urgent GP appointment": a doctor the same day (a possible clot: no injury unit)</item>
/// <item>either of those two lists when it ends a sentence ("... today (...)."): the sentence is followed by the
/// country's route for the evening and the weekend (<see cref="Country.OutOfHours"/>), in every country, the UK too,
/// so a runner told to be seen today knows where to go when the surgery is closed, within that one action</item>
/// <item>"emergency department (A&amp;E) now.": followed, where the name alone does not find one (Ireland), by where
/// to find the nearest (<see cref="Country.FindEmergencyDepartment"/>), within that one action</item>
/// <item>the country's own words for a service with a page (<see cref="Country.Links"/>: the HSE's lists) link to it</item>
/// <item>"a GP or (a) physiotherapist": the clinician; "(in the UK many areas let you refer yourself to physiotherapy)": the self-referral note</item>
/// <item>"(112 in Europe, 911 in the US and Canada)": dropped, since the country is known</item>
/// <item>the same-day services as results stored before <c>sameDayCare</c> wrote them ("(NHS 111, urgent GP or urgent care)",
/// "an emergency department or urgent treatment centre"...): the country's, so a stored result names no UK-only service abroad</item>
/// </list>
/// Nothing else in a stored result's words changes (contract v1.2). A source's name ("NHS 111 Wales")
/// is left alone, and so are links in the guide.
/// </summary>
public sealed partial class ServiceText
{
    private const string LocalNumberNote = "(or your local emergency number)";

    private readonly Country country;
    private readonly Regex numberLinks;

    public ServiceText(Country country)
    {
        this.country = country;
        var numbers = country.Numbers.Concat(["112", "911"]).Distinct().OrderByDescending(number => number.Length)
            .Select(number => Regex.Escape(HtmlEncoder.Default.Encode(number)));
        numberLinks = new Regex($@"(?<![\d.,/])(?:{string.Join('|', numbers)})(?![\d])", RegexOptions.CultureInvariant);
    }

    public Country Country => country;

    /// <summary>The words as the knowledge base writes them (the UK's), numbers linked: for a component drawn with no viewer.</summary>
    public static ServiceText AsWritten => ServiceTexts.For(CountryTable.Default.Find("GB"));

    /// <summary>The renderer for a country (made once per country).</summary>
    public static ServiceText For(Country country) => ServiceTexts.For(country);

    /// <summary>Text HTML-encoded, the country's words swapped in, numbers linked.</summary>
    public string Encode(string text) => InEncoded(HtmlEncoder.Default.Encode(text));

    /// <summary>For Razor pages.</summary>
    public IHtmlContent Html(string text) => new HtmlString(Encode(text));

    /// <summary>For Razor components.</summary>
    public MarkupString Markup(string text) => new(Encode(text));

    /// <summary>Words already in the country's own terms (a source's "911 and 811"): encoded, its numbers linked, nothing swapped.</summary>
    public IHtmlContent NumbersLinked(string text) => new HtmlString(Linked(HtmlEncoder.Default.Encode(text)));

    /// <summary>The plain words for the country, no links (a page title, a button's text).</summary>
    public string Plain(string text) => System.Net.WebUtility.HtmlDecode(Phrase().Replace(HtmlEncoder.Default.Encode(text), match => Swap(match, link: false)));

    /// <summary>
    /// The same-day service <paramref name="text"/> names in the knowledge base's words (the phrases
    /// swapped for the country's <c>sameDayCare</c> and <c>sameDayDoctor</c>, stored ones included), or
    /// null when it names neither: where an action sends the runner, whatever the sentence around it says.
    /// </summary>
    public static SameDayService? SameDayServiceNamedIn(string text)
    {
        foreach (Match match in Phrase().Matches(HtmlEncoder.Default.Encode(text)))
        {
            if (match.Groups["sameDayDoctor"].Success || match.Groups["sameDayDoctorStored"].Success)
            {
                return SameDayService.Doctor;
            }

            if (match.Groups["sameDay"].Success || match.Groups["sameDayStored"].Success)
            {
                return SameDayService.Care;
            }
        }

        return null;
    }

    /// <summary>
    /// Rendered HTML (the guide's sections, from Markdown with no raw HTML): the text between tags is
    /// rewritten; tags, and everything inside a link (sources, tel: links), are kept as they are.
    /// </summary>
    public string InHtml(string html)
    {
        var result = new StringBuilder(html.Length + 256);
        var insideLink = 0;
        var position = 0;
        foreach (Match tag in HtmlTag().Matches(html))
        {
            var text = html[position..tag.Index];
            result.Append(insideLink > 0 ? text : InEncoded(text));
            result.Append(tag.Value);
            if (tag.Groups["open"].Success)
            {
                insideLink++;
            }
            else if (tag.Groups["close"].Success && insideLink > 0)
            {
                insideLink--;
            }

            position = tag.Index + tag.Length;
        }

        var rest = html[position..];
        return result.Append(insideLink > 0 ? rest : InEncoded(rest)).ToString();
    }

    private string InEncoded(string encoded) => Phrase().Replace(encoded, match => Swap(match, link: true));

    private string Swap(Match match, bool link)
    {
        // A same-day list that ends its sentence: that sentence is the action (be seen today), and
        // walkers found no way to be seen in the evening or at the weekend, when the places it names
        // are closed. The route follows at once, as part of the same action, never a line of its own.
        var closes = match.Groups["closesSentence"];
        if (closes.Success)
        {
            return SwapPhrase(match, match.Value[..(closes.Index - match.Index)], link) + closes.Value + " " + Encoded(country.OutOfHours, link);
        }

        // "Go to an emergency department (A&E) now.": where the name alone does not find one (Ireland),
        // where to look follows at once, within that one action.
        var goNow = match.Groups["goNow"];
        if (goNow.Success)
        {
            var named = SwapPhrase(match, match.Value[..(goNow.Index - match.Index)], link) + goNow.Value;
            return country.FindEmergencyDepartment is { } find ? named + " " + Encoded(find, link) : named;
        }

        return SwapPhrase(match, match.Value, link);
    }

    private string SwapPhrase(Match match, string written, bool link)
    {
        string words;
        if (match.Groups["legacy"].Success)
        {
            return "";
        }
        else if (match.Groups["source"].Success)
        {
            return match.Value;
        }
        else if (country.Code == "GB")
        {
            // The knowledge base's own words: only the numbers become links.
            return link ? Linked(written) : written;
        }
        else if (match.Groups["emergency"].Success)
        {
            // "Call 999 now (or your local emergency number)" must not name the local number twice.
            var after = match.Result("$'");
            words = country.Emergency.EndsWith(LocalNumberNote, StringComparison.Ordinal) && FollowedByLocalNote().IsMatch(after)
                ? country.EmergencyNumber
                : country.Emergency;
        }
        else if (match.Groups["sameDay"].Success)
        {
            words = country.SameDayCare;
        }
        else if (match.Groups["sameDayDoctor"].Success)
        {
            words = country.SameDayDoctor;
        }
        else if (match.Groups["sameDayDoctorStored"].Success)
        {
            return " (" + Encoded(country.SameDayDoctor, link) + ")";
        }
        else if (match.Groups["sameDayStored"].Success)
        {
            // Older words for the same places: now the country's list, in brackets like the new words.
            return " (" + Encoded(country.SameDayCare, link) + ")";
        }
        else if (match.Groups["departmentStored"].Success)
        {
            words = "an emergency department";
        }
        else if (match.Groups["urgent"].Success)
        {
            words = country.UrgentLine;
        }
        else if (match.Groups["departmentNamed"].Success)
        {
            words = "emergency department";
        }
        else if (match.Groups["department"].Success)
        {
            words = country.EmergencyDepartment;
        }
        else if (match.Groups["clinician"].Success)
        {
            words = country.Clinician;
        }
        else if (match.Groups["selfReferral"].Success)
        {
            return country.SelfReferral.Length == 0 ? "" : " " + Encoded(country.SelfReferral, link);
        }
        else
        {
            // 112 or 911 written out: a number that works where it is named.
            return link ? Linked(match.Value) : match.Value;
        }

        return Encoded(words, link);
    }

    /// <summary>The country's own words: encoded, and with links, numbers as tap-to-call links and the country's <see cref="Country.Links"/> to their pages.</summary>
    private string Encoded(string words, bool link)
    {
        var encoded = HtmlEncoder.Default.Encode(words);
        return link ? ToPages(Linked(encoded)) : encoded;
    }

    private string ToPages(string encoded)
    {
        foreach (var page in country.Links)
        {
            var linkWords = HtmlEncoder.Default.Encode(page.Words);
            var at = encoded.IndexOf(linkWords, StringComparison.Ordinal);
            if (at >= 0)
            {
                encoded = string.Concat(encoded.AsSpan(0, at), $"<a href=\"{HtmlEncoder.Default.Encode(page.Url.AbsoluteUri)}\">{linkWords}</a>", encoded.AsSpan(at + linkWords.Length));
            }
        }

        return encoded;
    }

    private string Linked(string encoded) =>
        numberLinks.Replace(encoded, number => $"<a class=\"tel-link\" href=\"tel:{number.Value.Replace(" ", "", StringComparison.Ordinal)}\">{number.Value}</a>");

    // Over HTML-encoded text ("A&amp;E"), longest phrases first. The look-arounds keep numbers
    // that are part of something else (a date, a decimal, a path) as they are. The *Stored groups
    // are words results stored before sameDayCare still hold (contract v1.2: stored words stay);
    // each leading space or comma is part of the phrase it replaces. closesSentence is the ")." of a
    // same-day list that ends a sentence, after which the out-of-hours route goes. The two same-day
    // lists match across a line break (\s+): the guide's Markdown wrapped "(NHS 111 or an urgent
    // GP\nappointment)", and Ireland read "your GP or a GP out-of-hours service or an urgent GP
    // appointment" (GP three times), since "NHS 111" alone was swapped.
    [GeneratedRegex("""
        (?<legacy>\ \(112\ in\ Europe,\ 911\ in\ the\ US\ and\ Canada\))
        |(?<source>NHS\ 111\ Wales)
        |(?<sameDayStored>,\ at\ urgent\ care,\ a\ minor-injury\ unit\ or\ a\ same-day\ GP\ appointment\ \(in\ the\ UK,\ NHS\ 111\ can\ direct\ you\)
            |\ \(urgent\ care,\ a\ minor-injury\ unit\ or\ a\ same-day\ appointment\))
        |(?<sameDayDoctorStored>\ \(NHS\ 111,\ urgent\ GP\ or\ urgent\ care\))
        |(?<departmentStored>an\ emergency\ department\ or\ urgent\ treatment\ centre)
        |(?<sameDay>NHS\s+111,\s+an\s+urgent\s+GP\s+appointment,\s+an\s+urgent\s+treatment\s+centre\s+or\s+a\s+minor\s+injuries\s+unit)(?<closesSentence>\)\.)?
        |(?<sameDayDoctor>NHS\s+111\s+or\s+an\s+urgent\s+GP\s+appointment)(?<closesSentence>\)\.)?
        |(?<urgent>(?:in\ the\ UK,\ )?NHS\ 111|(?<![\d.,/])111(?![\d]))
        |(?<departmentNamed>emergency\ department\ \(A&amp;E\))(?<goNow>\ now\.)?
        |(?<department>A&amp;E)
        |(?<emergency>(?<![\d.,/])999(?![\d]))
        |(?<clinician>a\ GP\ or\ (?:a\ )?physiotherapist)
        |(?<selfReferral>\ \(in\ the\ UK\ many\ areas\ let\ you\ refer\ yourself\ to\ physiotherapy\))
        |(?<![\d.,/])(?:112|911)(?![\d])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Phrase();

    [GeneratedRegex(@"^(?: now)? \(or your local emergency number\)|^,? or your local emergency number", RegexOptions.CultureInvariant)]
    private static partial Regex FollowedByLocalNote();

    [GeneratedRegex(@"<(?:(?<open>a\b)|(?<close>/a\b))?[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();
}
