using System.Reflection;
using KneeTriage.Web.Data;

namespace KneeTriage.Web.Infrastructure.Hosting;

/// <summary>
/// Runs request code on the socket thread that read the request (Kestrel's inline scheduling with
/// the runtime's inline socket completions) instead of handing each read, request and write to the
/// thread pool in turn. On 2 cores that hand-off cost an article view about 5 µs of its 22
/// (decision 0020). It is safe only where nothing a request does waits on a socket of this process:
/// with SQLite, a file. With PostgreSQL a synchronous query (data protection's key store makes one)
/// would wait for a socket event that only the waiting thread can deliver, so it stays off there.
/// </summary>
internal static class InlineSocketScheduling
{
    public const string SettingName = "Hosting:InlineSocketScheduling";

    /// <summary>The runtime's only switch for inline completions: an environment variable, read once, when the first socket waits.</summary>
    public const string RuntimeVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Turns it on when <see cref="Decide"/> says so; call before anything opens a socket.</summary>
    public static WebApplicationBuilder UseInlineSocketScheduling(this WebApplicationBuilder builder)
    {
        var inline = Decide(
            StorageProvider.Named(builder.Configuration[StorageProvider.SettingName]),
            builder.Configuration.GetValue(SettingName, defaultValue: true),
            Environment.GetEnvironmentVariable(RuntimeVariable),
            isAppProcess: Assembly.GetEntryAssembly() == typeof(InlineSocketScheduling).Assembly);
        if (inline)
        {
            Environment.SetEnvironmentVariable(RuntimeVariable, "1");
            builder.WebHost.UseSockets(options => options.UnsafePreferInlineScheduling = true);
        }

        return builder;
    }

    /// <summary>
    /// On in the app's own process with a storage provider that queries no socket, unless the setting
    /// says false. Never in a test host: the variable is process-wide, and tests there use sockets
    /// synchronously (PostgreSQL, nginx). Forcing it on through the environment with such a provider
    /// stops start-up with a message, rather than risking requests that wait on themselves.
    /// </summary>
    public static bool Decide(StorageProvider storage, bool setting, string? runtimeVariable, bool isAppProcess)
    {
        if (storage.QueriesOverSockets)
        {
            if (runtimeVariable == "1")
            {
                throw new InvalidOperationException(
                    $"{RuntimeVariable}=1 runs request code on the socket threads, but {StorageProvider.SettingName} is {storage.Name}, "
                    + "whose synchronous queries would then wait on those same threads. Unset the variable (the app turns inline scheduling on only with Sqlite).");
            }

            return false;
        }

        return setting && isAppProcess;
    }
}
