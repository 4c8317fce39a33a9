using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Sandbox.Registration;

namespace ExoJobRunner.Sandbox.Tests.Support;

/// <summary>
/// One started sandbox shared by a test class: 10,000 mailboxes, and one app registration per way an app can be set up,
/// all signing with the same test certificate. <see cref="Unregistered"/> is a certificate no app knows.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public const int Mailboxes = 10_000;
    public const string AdminAppId = SandboxAppRegistration.DefaultAppId;
    public const string ReaderAppId = "2b1f3c4d-0000-4000-8000-00000000000a";
    public const string NoPermissionAppId = "2b1f3c4d-0000-4000-8000-00000000000b";
    public const string NoRoleAppId = "2b1f3c4d-0000-4000-8000-00000000000c";
    public const string UnsupportedRoleAppId = "2b1f3c4d-0000-4000-8000-00000000000d";

    private readonly ConcurrentDictionary<string, string> tokens = new();

    public X509Certificate2 Certificate { get; } = TestCertificates.Shared;

    public X509Certificate2 Unregistered { get; } = TestCertificates.Unregistered;

    public SandboxServer Server { get; private set; } = null!;

    public SandboxClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(new SandboxServerOptions
        {
            Mailboxes = Mailboxes,
            Seed = 7,
            Apps =
            [
                SandboxAppRegistration.ForCertificate(Certificate),
                new SandboxAppRegistration { AppId = ReaderAppId, Certificates = [Certificate], Role = SandboxDirectoryRole.GlobalReader },
                new SandboxAppRegistration { AppId = NoPermissionAppId, Certificates = [Certificate], Permissions = [] },
                new SandboxAppRegistration { AppId = NoRoleAppId, Certificates = [Certificate], Role = SandboxDirectoryRole.None },
                new SandboxAppRegistration { AppId = UnsupportedRoleAppId, Certificates = [Certificate], Role = SandboxDirectoryRole.UserAdministrator },
            ],
        });
        Client = new SandboxClient(Server);
    }

    public async Task<string> TokenAsync(string appId = AdminAppId)
    {
        if (tokens.TryGetValue(appId, out var cached))
        {
            return cached;
        }

        return tokens[appId] = await Client.GetTokenAsync(Certificate, appId);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
