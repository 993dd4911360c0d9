using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>
/// The app on real Kestrel at a free 127.0.0.1 port, for what the in-memory test server cannot
/// send: raw request bytes (a header byte that is not UTF-8, a malformed path), as a fuzzer would.
/// </summary>
public sealed class KestrelAppFactory : KneeTriageAppFactory
{
    public KestrelAppFactory()
        : base(new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" })
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:41234 (Kestrel always has the addresses feature).</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Sends exactly these bytes on a fresh connection and reads the whole answer (the request should say Connection: close).</summary>
    public async Task<RawResponse> SendRawAsync(byte[] request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Address.Host, Address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(request);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return RawResponse.Parse(buffer.ToArray());
    }

    /// <summary>A request line and headers as Latin-1 bytes, so "\u00e9" goes on the wire as the single byte 0xE9.</summary>
    public static byte[] Latin1Request(string method, string target, params string[] headers) =>
        Encoding.Latin1.GetBytes($"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{string.Concat(headers.Select(h => h + "\r\n"))}\r\n");
}

/// <summary>An HTTP/1.1 answer read off the socket.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? ContentType => Headers.GetValueOrDefault("Content-Type");

    public static RawResponse Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? string.Empty : text[(split + 4)..];
        var lines = head.Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(p => p[1].Trim())), StringComparer.OrdinalIgnoreCase);
        if (headers.GetValueOrDefault("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            body = Dechunk(body);
        }

        return new RawResponse(status, headers, body);
    }

    private static string Dechunk(string chunked)
    {
        var result = new StringBuilder();
        var position = 0;
        while (position < chunked.Length)
        {
            var lineEnd = chunked.IndexOf("\r\n", position, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[position..lineEnd].Split(';')[0], 16);
            if (size == 0)
            {
                break;
            }

            result.Append(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }

        return result.ToString();
    }
}
