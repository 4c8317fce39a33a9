using System.Buffers.Text;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Tests.Support;
using ExoJobRunner.Sandbox;
using ExoJobRunner.Sandbox.Connection;
using ExoJobRunner.Sandbox.Registration;

namespace ExoJobRunner.Exchange.Tests.Connection;

/// <summary>
/// A sandbox profile walks the production path: pointed at the same sandbox, it and an O365Default profile (whose hosts
/// a test-only environment provider replaces) send the same requests — the token request included — apart from the host.
/// </summary>
public sealed partial class OneClientPathTests : IAsyncLifetime
{
    private const string AppId = "7c0c7a10-0000-4000-8000-00000000a001";

    private readonly TemporaryDirectory directory = new();
    private X509Certificate2 clientCertificate = null!;
    private SandboxServer server = null!;

    private string ServerCertificatePath => directory.File("server.crt.pem");

    public async Task InitializeAsync()
    {
        clientCertificate = TestCertificates.Create(subject: "CN=one-client-path");
        using (var key = clientCertificate.GetRSAPrivateKey()!)
        {
            await File.WriteAllTextAsync(directory.File("client.crt.pem"), clientCertificate.ExportCertificatePem());
            await File.WriteAllTextAsync(directory.File("client.key.pem"), key.ExportPkcs8PrivateKeyPem());
        }

        server = await SandboxServer.StartAsync(new SandboxServerOptions
        {
            Mailboxes = 5,
            Apps = [SandboxAppRegistration.ForCertificate(clientCertificate, AppId)],
        });
        await File.WriteAllTextAsync(ServerCertificatePath, server.ServerCertificate.ExportCertificatePem());
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        clientCertificate.Dispose();
        directory.Dispose();
    }

    [Fact]
    public async Task SandboxProfile_SendsWhatARealTenantsProfileSends_ApartFromTheHost()
    {
        var sandboxProfile = Profile("sandbox", ExchangeEnvironment.Sandbox) with
        {
            SandboxOptions = new SandboxOptions(Url: server.BaseUri, ServerCertificatePath: ServerCertificatePath),
        };
        var realProfile = Profile("real", ExchangeEnvironment.O365Default);

        var fromSandboxProfile = await WireOfAsync(sandboxProfile, "127.0.0.1");
        var fromRealProfile = await WireOfAsync(realProfile, "localhost");

        Assert.Equal(["POST /sandbox.onmicrosoft.com/oauth2/v2.0/token", "POST /adminapi/beta/sandbox.onmicrosoft.com/InvokeCommand"],
            fromRealProfile.Select(request => $"{request.Method} {request.Uri.AbsolutePath}"));
        Assert.Equal(Normalize(fromRealProfile, "localhost"), Normalize(fromSandboxProfile, "127.0.0.1"));
    }

    [Fact]
    public async Task SandboxProfile_AsksForTheProductionScope_AcceptsCompression_AndNamesExojobs()
    {
        var sandboxProfile = Profile("sandbox", ExchangeEnvironment.Sandbox) with
        {
            SandboxOptions = new SandboxOptions(Url: server.BaseUri, ServerCertificatePath: ServerCertificatePath),
        };

        var wire = await WireOfAsync(sandboxProfile, "127.0.0.1");

        var token = wire[0];
        Assert.Equal("https://outlook.office365.com/.default", HttpUtility.ParseQueryString(token.Body)["scope"]);
        Assert.All(wire, request =>
        {
            Assert.Contains("gzip", request.Header("Accept-Encoding"), StringComparison.Ordinal);
            Assert.Matches(@"^exojobs/\d+\.\d+\.\d+", request.Header("User-Agent"));
        });
    }

    private ExchangeConnectionSettings Profile(string name, ExchangeEnvironment environment) => new(
        name,
        environment,
        AppId,
        server.Organization,
        new CertificateSource { PemCertificatePath = directory.File("client.crt.pem"), PemKeyPath = directory.File("client.key.pem") });

    /// <summary>What connecting <paramref name="profile"/> and running one cmdlet sends to the sandbox, addressed as <paramref name="host"/>.</summary>
    private async Task<List<WireRequest>> WireOfAsync(ExchangeConnectionSettings profile, string host)
    {
        using var capture = new WireCapture(host, server.BaseUri.Port);
        await using (var pool = new ExchangeSessionPool(new ExchangeSessionPoolOptions
        {
            Environments = [new RelocatedWorldwideCloud(new Uri($"https://localhost:{server.BaseUri.Port}/"), server.ServerCertificate), .. SandboxEnvironments.All()],
        }))
        {
            var session = await pool.GetSessionAsync(profile);
            await foreach (var unused in session.InvokeAsync("Get-Mailbox", new { ResultSize = 2 }))
            {
            }
        }

        return [.. capture.Requests];
    }

    /// <summary>
    /// Each request as text with what must differ between any two connections masked: the host, ids and times, the
    /// tokens and signatures. What remains is what the client chose to send.
    /// </summary>
    private static List<string> Normalize(IEnumerable<WireRequest> requests, string host) => [.. requests.Select(request =>
    {
        var headers = request.Headers
            .Where(header => header.Key is not ("Content-Length" or "traceparent" or "tracestate"))
            .Select(header => $"{header.Key}: {(header.Key == "Authorization" ? "Bearer <token>" : header.Value)}")
            .Order(StringComparer.Ordinal);
        var body = request.Uri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal) ? DescribeTokenRequest(request.Body) : request.Body;
        var text = $"{request.Method} {request.Uri}\n{string.Join("\n", headers)}\n\n{body}";
        text = text.Replace($"{host}:{request.Uri.Port}", "<host>", StringComparison.Ordinal);
        return Guid().Replace(text, "<guid>");
    })];

    /// <summary>The token request's fields, with the client assertion opened: its header, and its claims with times masked.</summary>
    private static string DescribeTokenRequest(string body)
    {
        var form = HttpUtility.ParseQueryString(body);
        var fields = form.AllKeys.Order(StringComparer.Ordinal).Select(key => key == "client_assertion"
            ? $"client_assertion: {DescribeAssertion(form[key]!)}"
            : $"{key}={form[key]}");
        return string.Join("\n", fields);
    }

    private static string DescribeAssertion(string assertion)
    {
        var parts = assertion.Split('.');
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var described = claims.RootElement.EnumerateObject()
            .Select(claim => claim.Name is "exp" or "nbf" or "iat" ? $"{claim.Name}=<time>" : $"{claim.Name}={claim.Value}")
            .Order(StringComparer.Ordinal);
        return $"{header.RootElement.GetRawText()} {string.Join(" ", described)}";
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    /// <summary>
    /// The worldwide cloud with its two hosts replaced by the sandbox's address — a test's redirect, which no
    /// configuration file can ask for.
    /// </summary>
    private sealed class RelocatedWorldwideCloud(Uri baseUri, X509Certificate2 serverCertificate) : IExchangeEnvironmentProvider
    {
        public string Name => "Exchange Online (redirected by a test)";

        public bool Serves(ExchangeConnectionSettings settings) => settings.Environment == ExchangeEnvironment.O365Default;

        public EnvironmentSignIn? ProvideSignIn(ExchangeConnectionSettings settings) => null;

        public Task<ExchangeEnvironmentAccess> OpenAsync(ExchangeConnectionSettings settings, X509Certificate2 clientCertificate, CancellationToken cancellationToken) =>
            Task.FromResult(ExchangeEnvironmentAccess.Relocated(
                ExchangeCloud.For(ExchangeEnvironment.O365Default),
                baseUri,
                settings.Organization!,
                X509CertificateLoader.LoadCertificate(serverCertificate.RawData)));
    }
}
