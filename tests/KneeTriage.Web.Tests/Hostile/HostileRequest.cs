namespace KneeTriage.Web.Tests.Hostile;

/// <summary>What the app must do with a hostile request.</summary>
internal enum Expectation
{
    /// <summary>A 4xx (never 429 here: rate limits are off), and nothing stored.</summary>
    Rejected,

    /// <summary>Anything but a 5xx; if it was accepted, exactly one result was stored, otherwise none.</summary>
    NoServerError,

    /// <summary>Anything but a 5xx (a form may answer 200 with its errors, or 303), and nothing stored.</summary>
    NothingStored,
}

/// <summary>One generated hostile request. <see cref="Build"/> makes a fresh message each time (a message is sent once).</summary>
internal sealed record HostileRequest(string Category, string Description, Expectation Expect, Func<HttpRequestMessage> Build)
{
    /// <summary>The exact status the contract names for this input, where it names one.</summary>
    public int? ExpectedStatus { get; init; }

    public static bool IsApi(HttpRequestMessage message) =>
        message.RequestUri?.OriginalString.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) == true;
}
