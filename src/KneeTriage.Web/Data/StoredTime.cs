namespace KneeTriage.Web.Data;

/// <summary>Times are stored to the whole second, so both providers keep and compare them alike.</summary>
internal static class StoredTime
{
    public static DateTime WholeSeconds(DateTime utc) => utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
}
