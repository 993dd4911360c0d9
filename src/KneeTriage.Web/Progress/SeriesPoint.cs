using KneeTriage.Triage.Engine;

namespace KneeTriage.Web.Progress;

/// <summary>One check of a runner's series, as the progress chart shows it; oldest first in a series.</summary>
/// <param name="PainSeverity">The contract's <c>pain-severity</c>, 0 to 10; null when not known.</param>
/// <param name="TopCauseWords">The first cause with its band ("None listed" without one), never a percentage.</param>
/// <param name="ResultUrl">The link to that result (a capability link: pass it as the page would show it).</param>
public sealed record SeriesPoint(DateTimeOffset CreatedAt, Urgency Urgency, int? PainSeverity, string TopCauseWords, string ResultUrl);
