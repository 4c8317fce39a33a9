using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Sandbox.Registration;

namespace ExoJobRunner.Sandbox.Connection.Tests;

/// <summary>
/// <c>environment: Sandbox</c> profiles with a url: a sandbox running on its own, reached like a real tenant with the
/// profile's app id, organization and certificate, trusting exactly the server certificate the profile names.
/// </summary>
public sealed class StandaloneSandboxEnvironmentTests : IAsyncLifetime
{
    private const string AppId = "5a0c7a10-0000-4000-8000-000000000001";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("exojobs-standalone-sandbox-tests-");
    private X509Certificate2 clientCertificate = null!;
    private SandboxServer server = null!;

    private string ServerCertificatePath => Path.Combine(folder.FullName, "server.crt.pem");

    public async Task InitializeAsync()
    {
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=standalone-sandbox-tests", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            clientCertificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "client.crt.pem"), clientCertificate.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "client.key.pem"), rsa.ExportPkcs8PrivateKeyPem());
        }

        server = await SandboxServer.StartAsync(new SandboxServerOptions
        {
            Mailboxes = 12,
            Apps = [SandboxAppRegistration.ForCertificate(clientCertificate, AppId)],
        });
        await File.WriteAllTextAsync(ServerCertificatePath, server.ServerCertificate.ExportCertificatePem());
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        clientCertificate.Dispose();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task GetSession_ConnectsLikeARealTenant_WithTheProfilesOwnApp()
    {
        await using var pool = CreatePool();

        var session = await pool.GetSessionAsync(Profile(ServerCertificatePath));

        Assert.Equal(server.Organization, session.Organization);
        var count = 0;
        await foreach (var unused in session.InvokeAsync("Get-Mailbox", new { ResultSize = "Unlimited" }))
        {
            count++;
        }

        Assert.Equal(12, count);
    }

    [Fact]
    public async Task GetSession_RefusesAProfileWithoutServerCertificate_NamingTheFix()
    {
        await using var pool = CreatePool();

        var error = await Assert.ThrowsAsync<ExchangeConnectionException>(() => pool.GetSessionAsync(Profile(serverCertificatePath: null)));

        Assert.Equal("Profile 'standalone': a standalone sandbox needs 'serverCertificate'.", error.Cause);
        Assert.Equal("Set it to the server certificate file 'exojobs sandbox' printed.", error.Fix);
    }

    [Fact]
    public async Task GetSession_RefusesAServerCertificateFileThatCannotBeRead()
    {
        await using var pool = CreatePool();

        var error = await Assert.ThrowsAsync<ExchangeConnectionException>(() =>
            pool.GetSessionAsync(Profile(Path.Combine(folder.FullName, "absent.pem"))));

        Assert.Contains("the sandbox server certificate", error.Message, StringComparison.Ordinal);
        Assert.Contains("absent.pem cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSession_TrustsNoServerButTheNamedOne()
    {
        var otherServerCertificate = Path.Combine(folder.FullName, "other-server.crt.pem");
        await File.WriteAllTextAsync(otherServerCertificate, clientCertificate.ExportCertificatePem());
        await using var pool = CreatePool();

        var error = await Assert.ThrowsAsync<ExchangeConnectionException>(() => pool.GetSessionAsync(Profile(otherServerCertificate)));

        Assert.Contains("Could not reach the identity platform", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSession_NamesTheSandboxFilesWhenTheProfileHasNoCertificate()
    {
        await using var pool = CreatePool();

        var error = await Assert.ThrowsAsync<ExchangeConnectionException>(() =>
            pool.GetSessionAsync(Profile(ServerCertificatePath) with { CertificateSource = null }));

        Assert.Equal(
            "Profile 'standalone' has no client certificate: use the PEM certificate and key (or the PFX) that 'exojobs sandbox' wrote.",
            error.Message);
    }

    private static ExchangeSessionPool CreatePool() => new(new ExchangeSessionPoolOptions { Environments = SandboxEnvironments.All() });

    private ExchangeConnectionSettings Profile(string? serverCertificatePath) => new(
        "standalone",
        ExchangeEnvironment.Sandbox,
        AppId,
        server.Organization,
        new CertificateSource
        {
            PemCertificatePath = Path.Combine(folder.FullName, "client.crt.pem"),
            PemKeyPath = Path.Combine(folder.FullName, "client.key.pem"),
        },
        new SandboxOptions(Url: server.BaseUri, ServerCertificatePath: serverCertificatePath));
}
