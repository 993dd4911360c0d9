using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KneeTriage.ReliabilityTests.Infrastructure;

/// <summary>
/// Debian's nginx in front of app instances, the way deploy/nginx/kneetriage.conf runs it: an
/// upstream of every instance, X-Forwarded-For / X-Forwarded-Proto, gzip, TLS terminated with a
/// throw-away self-signed certificate. Loopback only, its own prefix folder, stopped at dispose.
/// </summary>
internal sealed class NginxProxy : IDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly TemporaryFolder _folder;

    private NginxProxy(Process process, TemporaryFolder folder, int httpPort, int httpsPort, string thumbprint)
    {
        _process = process;
        _folder = folder;
        HttpUri = new Uri($"http://127.0.0.1:{httpPort}/");
        HttpsUri = new Uri($"https://127.0.0.1:{httpsPort}/");
        CertificateThumbprint = thumbprint;
    }

    public static bool IsInstalled => File.Exists(Binary);

    /// <summary>Run nginx tests: nginx is installed, or CI demands them (and they fail without it).</summary>
    public static bool ShouldRun => IsInstalled || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public const string MissingMessage = "nginx not found at /usr/sbin/nginx; install it with: apt-get install nginx";

    public Uri HttpUri { get; }

    public Uri HttpsUri { get; }

    /// <summary>SHA-1 thumbprint of the self-signed certificate, so a client can trust exactly it.</summary>
    public string CertificateThumbprint { get; }

    /// <summary>A client for <see cref="HttpsUri"/> that trusts this proxy's certificate and no other.</summary>
    public HttpClient CreateHttpsClient() => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            certificate is not null && string.Equals(certificate.GetCertHashString(), CertificateThumbprint, StringComparison.OrdinalIgnoreCase),
    })
    {
        BaseAddress = HttpsUri,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static async Task<NginxProxy> StartAsync(IEnumerable<Uri> instances)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException(MissingMessage);
        }

        var folder = new TemporaryFolder();
        var thumbprint = WriteCertificate(folder);
        foreach (var temp in new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            var path = folder.File(temp);
            Directory.CreateDirectory(path);
            // Workers run as www-data when nginx starts as root.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
            }
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder.Path, (UnixFileMode)0b111_101_101);
        }
        var httpPort = FreePort.Find();
        var httpsPort = FreePort.Find();
        File.WriteAllText(folder.File("nginx.conf"), Configuration(folder, httpPort, httpsPort, instances));
        var start = new ProcessStartInfo
        {
            FileName = Binary,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-p", folder.Path + "/", "-c", folder.File("nginx.conf"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var proxy = new NginxProxy(process, folder, httpPort, httpsPort, thumbprint);
        try
        {
            await proxy.WaitUntilListeningAsync(httpPort);
            await proxy.WaitUntilListeningAsync(httpsPort);
            return proxy;
        }
        catch
        {
            proxy.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _folder.Dispose();
    }

    /// <summary>deploy/'s own snippet, so the tests prove the file a deployer copies.</summary>
    private static string BadRequestsSnippet { get; } =
        Path.GetFullPath(Path.Combine(WebAppFiles.ProjectDirectory, "..", "..", "deploy", "nginx", "kneetriage-bad-requests.conf"));

    private static string Configuration(TemporaryFolder folder, int httpPort, int httpsPort, IEnumerable<Uri> instances)
    {
        var servers = string.Concat(instances.Select(i => string.Create(CultureInfo.InvariantCulture, $"        server 127.0.0.1:{i.Port} max_fails=1 fail_timeout=2s;\n")));
        var p = folder.Path;
        return $$"""
            worker_processes 1;
            error_log {{p}}/error.log warn;
            pid {{p}}/nginx.pid;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{p}}/client_body;
                proxy_temp_path {{p}}/proxy;
                fastcgi_temp_path {{p}}/fastcgi;
                uwsgi_temp_path {{p}}/uwsgi;
                scgi_temp_path {{p}}/scgi;
                gzip on;
                gzip_proxied any;
                gzip_types text/css application/javascript application/json application/problem+json image/svg+xml;
                map $request $kneetriage_bad_request_page {
                    "~^[A-Z]+ /api/" /_kneetriage-errors/400.json;
                    default /_kneetriage-errors/400.html;
                }
                upstream kneetriage {
            {{servers}}        keepalive 32;
                }
                server {
                    listen 127.0.0.1:{{httpPort}};
                    listen 127.0.0.1:{{httpsPort}} ssl;
                    ssl_certificate {{p}}/cert.pem;
                    ssl_certificate_key {{p}}/key.pem;
                    client_max_body_size 64k;
                    include {{BadRequestsSnippet}};
                    location / {
                        proxy_pass http://kneetriage;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $remote_addr;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_next_upstream error timeout http_502 http_503;
                        proxy_connect_timeout 2s;
                    }
                }
            }
            """;
    }

    private static string WriteCertificate(TemporaryFolder folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(folder.File("cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(folder.File("key.pem"), key.ExportPkcs8PrivateKeyPem());
        return certificate.Thumbprint;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with code {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"nginx did not listen on {port} within 20 s.");
    }
}

/// <summary>
/// A fact that needs nginx (and, with <c>postgres: true</c>, a PostgreSQL server): skipped, saying how
/// to install what is missing, except under CI=true, where it runs and fails loudly.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute(bool postgres = false)
    {
        if (!NginxProxy.ShouldRun)
        {
            Skip = NginxProxy.MissingMessage;
        }
        else if (postgres && !Web.Tests.Infrastructure.TestPostgres.ShouldRun)
        {
            Skip = Web.Tests.Infrastructure.TestPostgres.MissingMessage;
        }
    }
}
