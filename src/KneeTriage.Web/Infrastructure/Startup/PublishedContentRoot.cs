namespace KneeTriage.Web.Infrastructure.Startup;

/// <summary>
/// Where the app's wwwroot lives. A published app carries wwwroot beside its dll, so it must find it
/// there whatever folder it is started from; under <c>dotnet run</c> the build output has no wwwroot
/// and the default (the project folder) is right.
/// </summary>
public static class PublishedContentRoot
{
    /// <summary>The app's own folder when it holds wwwroot (a publish), otherwise null for the default.</summary>
    public static string? Find() =>
        Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")) ? AppContext.BaseDirectory : null;
}
