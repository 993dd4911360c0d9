using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Articles;
using KneeTriage.Web.Data;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Infrastructure.Startup;

/// <summary>
/// A start-up failure the app explains itself (a storage setting, the knowledge base, the article,
/// an invalid option) ends the process with its clear message on stderr and exit code 1, not an
/// abort (SIGABRT) with a 35-line stack trace under it: systemd's journal then shows the one line a
/// deployer needs. The trace is printed too when KNEETRIAGE_STARTUP_TRACE=1 or the log level is
/// Debug (Serilog__MinimumLevel__Default=Debug). Any other unhandled exception keeps its trace.
/// </summary>
public static class StartupFailures
{
    public static void ExitWithTheMessage()
    {
        AppDomain.CurrentDomain.UnhandledException += (_, args) =>
        {
            if (args.ExceptionObject is not Exception exception || Explained(exception) is not { } explained)
            {
                return;
            }

            Console.Error.WriteLine($"KneeTriage could not start: {explained.Message}");
            if (WantsTrace())
            {
                Console.Error.WriteLine(exception);
            }

            Console.Error.Flush();
            Environment.Exit(1);
        };
    }

    /// <summary>The exception whose message explains the failure, when it is one of those the app writes for a deployer.</summary>
    internal static Exception? Explained(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is StorageConfigurationException or KnowledgeBaseException or ArticleContentException or OptionsValidationException)
            {
                return e;
            }
        }

        return null;
    }

    private static bool WantsTrace() =>
        Environment.GetEnvironmentVariable("KNEETRIAGE_STARTUP_TRACE") == "1"
        || string.Equals(Environment.GetEnvironmentVariable("Serilog__MinimumLevel__Default"), "Debug", StringComparison.OrdinalIgnoreCase);
}
