using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Resilience;
using ExoJobRunner.Exchange.Rest;
using ExoJobRunner.Sandbox;
using ExoJobRunner.Sandbox.Connection;
using ExoJobRunner.Sandbox.Registration;

namespace ExoJobRunner.Exchange.Tests.Support;

/// <summary>
/// One real sandbox over HTTPS with an app registration per way a set-up goes wrong (no consent, no role, a role Exchange
/// does not support), plus the certificate files a profile can point at: uploaded or not, expired, weak, near its end,
/// without a key. <see cref="Scenario"/> turns a scenario's name into the profile settings that provoke it.
/// </summary>
public sealed class DoctorSandboxFixture : IAsyncLifetime
{
    public const string GoodAppId = "0d0c7a10-0000-4000-8000-000000000001";
    public const string NoConsentAppId = "0d0c7a10-0000-4000-8000-000000000002";
    public const string NoRoleAppId = "0d0c7a10-0000-4000-8000-000000000003";
    public const string UserAdministratorAppId = "0d0c7a10-0000-4000-8000-000000000004";

    private readonly TemporaryDirectory directory = new();
    private readonly List<X509Certificate2> certificates = [];
    private SandboxServer? server;

    internal SandboxServer Server => server!;

    /// <summary>Where sandbox profiles of these tests keep the in-process sandbox's certificate.</summary>
    public string DataFolder => directory.File("data");

    /// <summary>Options whose retry waits are short: a refused cmdlet is retried once, and the test need not wait 2 s for it.</summary>
    public ExchangeSessionPoolOptions Options => new()
    {
        Client = new ExchangeClientOptions { Retry = new ExchangeRetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(10) } },
        Environments = SandboxEnvironments.All(DataFolder),
    };

    private string ServerCertificatePath => directory.File("server.crt.pem");

    public async Task InitializeAsync()
    {
        var uploaded = Keep(TestCertificates.Create(subject: "CN=doctor-uploaded"));
        var nearItsEnd = Keep(TestCertificates.Create(subject: "CN=doctor-near-its-end", validToDays: 10));
        WritePem(uploaded, "uploaded");
        WritePem(nearItsEnd, "near-its-end");
        WritePem(Keep(TestCertificates.Create(subject: "CN=doctor-not-uploaded", keySize: 3072)), "not-uploaded");
        File.WriteAllText(directory.File("uploaded-certificate-only.crt.pem"), uploaded.ExportCertificatePem());
        using (var publicOnly = TestCertificates.PublicPartOf(uploaded))
        {
            File.WriteAllBytes(directory.File("public-only.pfx"), publicOnly.Export(X509ContentType.Pfx));
        }

        using (var expired = TestCertificates.Create(subject: "CN=doctor-expired", validFromDays: -400, validToDays: -2))
        {
            File.WriteAllBytes(directory.File("expired.pfx"), expired.Export(X509ContentType.Pfx));
        }

        using (var weak = TestCertificates.Create(subject: "CN=doctor-weak", keySize: 1024))
        {
            File.WriteAllBytes(directory.File("weak.pfx"), weak.Export(X509ContentType.Pfx));
        }

        server = await SandboxServer.StartAsync(new SandboxServerOptions
        {
            Mailboxes = 10,
            Apps =
            [
                new SandboxAppRegistration { AppId = GoodAppId, Certificates = [uploaded, nearItsEnd] },
                new SandboxAppRegistration { AppId = NoConsentAppId, Certificates = [uploaded], Permissions = [] },
                new SandboxAppRegistration { AppId = NoRoleAppId, Certificates = [uploaded], Role = SandboxDirectoryRole.None },
                new SandboxAppRegistration { AppId = UserAdministratorAppId, Certificates = [uploaded], Role = SandboxDirectoryRole.UserAdministrator },
            ],
        });
        File.WriteAllText(ServerCertificatePath, server.ServerCertificate.ExportCertificatePem());
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        certificates.ForEach(certificate => certificate.Dispose());
        directory.Dispose();
    }

    /// <summary>The profile settings that make the doctor meet <paramref name="scenario"/>.</summary>
    public ExchangeConnectionSettings Scenario(string scenario) => scenario switch
    {
        "correctly set up" => Standalone(GoodAppId, Pem("uploaded")),
        "certificate near its end" => Standalone(GoodAppId, Pem("near-its-end")),
        "thumbprint not in store" => Standalone(GoodAppId, new CertificateSource { Thumbprint = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)) }),
        "PFX file missing" => Standalone(GoodAppId, new CertificateSource { PfxPath = directory.File("absent.pfx") }),
        "PEM without key" => Standalone(GoodAppId, new CertificateSource { PemCertificatePath = directory.File("uploaded-certificate-only.crt.pem") }),
        "PFX without key" => Standalone(GoodAppId, new CertificateSource { PfxPath = directory.File("public-only.pfx") }),
        "expired" => Standalone(GoodAppId, new CertificateSource { PfxPath = directory.File("expired.pfx") }),
        "RSA 1024" => Standalone(GoodAppId, new CertificateSource { PfxPath = directory.File("weak.pfx") }),
        "custom domain" => Standalone(GoodAppId, Pem("uploaded"), organization: "contoso.com"),
        "tenant id" => Standalone(GoodAppId, Pem("uploaded"), organization: Server.TenantId.ToString()),
        "unknown app" => Standalone("0d0c7a10-0000-4000-8000-0000000000ff", Pem("uploaded")),
        "certificate not uploaded" => Standalone(GoodAppId, Pem("not-uploaded")),
        "consent missing" => Standalone(NoConsentAppId, Pem("uploaded")),
        "no role" => Standalone(NoRoleAppId, Pem("uploaded")),
        "User Administrator role" => Standalone(UserAdministratorAppId, Pem("uploaded")),
        "in-process sandbox" => new ExchangeConnectionSettings("doctor-tests", ExchangeEnvironment.Sandbox, null, null, null, new SandboxOptions(Mailboxes: 5)),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "no such scenario"),
    };

    private ExchangeConnectionSettings Standalone(string appId, CertificateSource certificate, string? organization = null) =>
        new(
            "doctor-tests",
            ExchangeEnvironment.Sandbox,
            appId,
            organization ?? Server.Organization,
            certificate,
            new SandboxOptions(Url: Server.BaseUri, ServerCertificatePath: ServerCertificatePath));

    private CertificateSource Pem(string name) =>
        new() { PemCertificatePath = directory.File(name + ".crt.pem"), PemKeyPath = directory.File(name + ".key.pem") };

    private X509Certificate2 Keep(X509Certificate2 certificate)
    {
        certificates.Add(certificate);
        return certificate;
    }

    private void WritePem(X509Certificate2 certificate, string name)
    {
        using var key = certificate.GetRSAPrivateKey()!;
        File.WriteAllText(directory.File(name + ".crt.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(directory.File(name + ".key.pem"), key.ExportPkcs8PrivateKeyPem());
    }
}
