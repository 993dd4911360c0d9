using KneeTriage.Triage.Engine;

namespace KneeTriage.Web.Data;

/// <summary>Reads the urgency column back; an expression tree cannot hold the out parameter of TryParse.</summary>
internal static class UrgencyColumn
{
    public static Urgency Parse(string id) =>
        UrgencyIds.TryParse(id, out var urgency)
            ? urgency
            : throw new InvalidOperationException($"The database holds an unknown urgency '{id}'.");
}
