using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Sandbox.Faults;
using ExoJobRunner.Sandbox.Registration;

namespace ExoJobRunner.Sandbox.Tests.Support;

/// <summary>A small sandbox of a test's own, for tests that need their own faults or clock.</summary>
public sealed class OwnSandbox : IAsyncDisposable
{
    private OwnSandbox(SandboxServer server, X509Certificate2 certificate, TimeProvider clock)
    {
        Server = server;
        Certificate = certificate;
        Clock = clock;
        Client = new SandboxClient(server);
    }

    public SandboxServer Server { get; }

    public X509Certificate2 Certificate { get; }

    public TimeProvider Clock { get; }

    public SandboxClient Client { get; }

    public static async Task<OwnSandbox> StartAsync(
        string faults = "", TimeProvider? clock = null, int seed = 42, SandboxCloud cloud = SandboxCloud.O365Default, int mailboxes = 50)
    {
        var certificate = TestCertificates.Shared;
        var server = await SandboxServer.StartAsync(new SandboxServerOptions
        {
            Mailboxes = mailboxes,
            Cloud = cloud,
            Seed = seed,
            Faults = SandboxFaultSpec.Parse(faults),
            Apps = [SandboxAppRegistration.ForCertificate(certificate)],
            TimeProvider = clock ?? TimeProvider.System,
        });
        return new OwnSandbox(server, certificate, clock ?? TimeProvider.System);
    }

    public Task<string> TokenAsync() => Client.GetTokenAsync(Certificate, Server.AppId, Clock.GetUtcNow());

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
