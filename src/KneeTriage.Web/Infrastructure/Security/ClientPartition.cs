using System.Net;
using System.Net.Sockets;

namespace KneeTriage.Web.Infrastructure.Security;

/// <summary>
/// Who a request counts against: the client's IPv4 address, or its IPv6 /64 network (one
/// household or phone gets a whole /64, so single IPv6 addresses would be free to rotate).
/// Behind a reverse proxy this is only meaningful once forwarded headers are applied.
/// </summary>
internal static class ClientPartition
{
    public static string KeyFor(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }
}
