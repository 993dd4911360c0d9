namespace KneeTriage.Triage.Engine.Progress;

/// <summary>How a check compares with the one before it.</summary>
public enum Trend
{
    Better,
    Same,
    Worse,
}
