using System.Reflection;

namespace KneeTriage.ReliabilityTests.Infrastructure;

/// <summary>
/// Where the built web app lives: its KneeTriage.Web.dll (recorded at build time, see the csproj)
/// and the folder to run it from.
/// </summary>
internal static class WebAppFiles
{
    /// <summary>
    /// The copy of KneeTriage.Web.dll (with its runtimeconfig, deps and content/) that the project
    /// reference puts in this test project's own output. Not the web project's bin: `dotnet test
    /// KneeTriage.sln` builds other test projects while these tests run, and those builds may rewrite
    /// the web project's output under a running app (seen in CI: the dll missing at a restart).
    /// </summary>
    public static string Assembly { get; } = Locate();

    /// <summary>
    /// The content root: the web project's folder when the sources are there (appsettings.json and
    /// wwwroot, as in production), otherwise the build output. The article and knowledge base are
    /// read from content/ next to the dll either way.
    /// </summary>
    public static string ContentRoot { get; } =
        Directory.Exists(Path.Combine(Metadata("WebAppProjectDirectory"), "wwwroot"))
            ? Metadata("WebAppProjectDirectory")
            : Path.GetDirectoryName(Assembly)!; // Locate returned a full file path, which has a folder.

    /// <summary>The web project's source folder (src/KneeTriage.Web), recorded at build time.</summary>
    public static string ProjectDirectory => Metadata("WebAppProjectDirectory");

    private static string Locate()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "KneeTriage.Web.dll");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: the project reference to KneeTriage.Web should copy it into the test output.");
        }

        var runtimeConfig = Path.ChangeExtension(path, ".runtimeconfig.json");
        if (!File.Exists(runtimeConfig))
        {
            throw new InvalidOperationException($"{runtimeConfig} is missing, so `dotnet {Path.GetFileName(path)}` cannot start the app.");
        }

        return path;
    }

    private static string Metadata(string key) =>
        typeof(WebAppFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata; the csproj target RecordWebAppLocation did not run.");
}
