using System.Net;
using System.Net.Sockets;

namespace KneeTriage.ReliabilityTests.Infrastructure;

internal static class FreePort
{
    /// <summary>A loopback port nobody listens on right now (the app may still lose a race for it; the caller retries).</summary>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
