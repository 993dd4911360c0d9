using System.Reflection;
using KneeTriage.Web.Data;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Infrastructure.Hosting;

/// <summary>
/// Reads, parses and writes on the socket thread that read the request (Kestrel's inline scheduling
/// with the runtime's inline socket completions) instead of handing each to the thread pool in turn.
/// On 2 cores that hand-off cost an article view about 5 µs of its 22 (decision 0020). Only the
/// cached article replay runs there: every other request moves to the thread pool before its own
/// code runs (<see cref="UseThreadPoolForRequestCode"/>), because on a socket thread one request that
/// waits (a SQLite query, a render) holds up every connection of that thread (decision 0032). It is
/// on only where nothing can wait on a socket of this process: with SQLite, a file. With PostgreSQL
/// a synchronous query (data protection's key store makes one) would wait for a socket event that
/// only the waiting thread can deliver, so it stays off there.
/// </summary>
internal static class InlineSocketScheduling
{
    public const string SettingName = "Hosting:InlineSocketScheduling";

    /// <summary>False keeps all request code on the socket threads, as decision 0020 had it (for A/B runs only).</summary>
    public const string ThreadPoolSettingName = "Hosting:RequestCodeOnThreadPool";

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
    /// With inline scheduling on, every request that gets this far continues on a thread-pool thread:
    /// put it after the article replay, the one thing cheap enough to run on the socket thread.
    /// The socket thread goes back to its other connections at once.
    /// </summary>
    public static IApplicationBuilder UseThreadPoolForRequestCode(this IApplicationBuilder app)
    {
        var sockets = app.ApplicationServices.GetRequiredService<IOptions<SocketTransportOptions>>().Value;
        var configuration = app.ApplicationServices.GetRequiredService<IConfiguration>();
        if (!sockets.UnsafePreferInlineScheduling || !configuration.GetValue(ThreadPoolSettingName, defaultValue: true))
        {
            return app;
        }

        return app.Use(static async (context, next) =>
        {
            // No synchronization context in ASP.NET Core: the rest of the request is queued to the thread pool.
            await Task.Yield();
            await next(context);
        });
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
