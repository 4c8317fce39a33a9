using ExoJobRunner.Sandbox;
using ExoJobRunner.Sandbox.Credentials;
using ExoJobRunner.Sandbox.Faults;
using ExoJobRunner.Sandbox.Registration;

namespace ExoJobRunner.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A sandbox this test process hosts itself, reached by <c>exojobs</c> through a standalone-sandbox profile exactly like a
/// real tenant (its own app id, certificate files and the server certificate to trust). Hosting it here lets a test read
/// <see cref="SandboxServer.Activity"/>: that the fault it asked for really happened.
/// </summary>
internal sealed class HostedSandbox : IAsyncDisposable
{
    private readonly string folder;
    private readonly SandboxClientCredential credential;
    private readonly SandboxCredentialFiles files;
    private readonly string serverCertificatePath;

    private HostedSandbox(string folder, SandboxClientCredential credential, SandboxCredentialFiles files, SandboxServer server, string serverCertificatePath)
    {
        this.folder = folder;
        this.credential = credential;
        this.files = files;
        Server = server;
        this.serverCertificatePath = serverCertificatePath;
    }

    public SandboxServer Server { get; }

    /// <param name="faults">A fault spec, as in a profile's <c>faults:</c>.</param>
    /// <param name="mailboxes">The tenant's size.</param>
    /// <param name="clock">The sandbox's clock (token lifetimes, windows, delays); the system clock by default.</param>
    public static async Task<HostedSandbox> StartAsync(string faults, int mailboxes, TimeProvider? clock = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "exojobs-hosted-" + Guid.NewGuid().ToString("N")[..12]);
        var credential = SandboxClientCredential.LoadOrCreate(Path.Combine(folder, "data"));
        var files = credential.Export(Path.Combine(folder, "credential"));
        var server = await SandboxServer.StartAsync(new SandboxServerOptions
        {
            Mailboxes = mailboxes,
            Seed = 1414,
            Faults = SandboxFaultSpec.Parse(faults),
            Apps = [SandboxAppRegistration.ForCertificate(credential.Certificate)],
            TimeProvider = clock ?? TimeProvider.System,
        });
        var serverCertificatePath = Path.Combine(folder, "server.crt.pem");
        await File.WriteAllTextAsync(serverCertificatePath, server.ServerCertificate.ExportCertificatePem());
        return new HostedSandbox(folder, credential, files, server, serverCertificatePath);
    }

    /// <summary>The profile <c>exojobs sandbox</c> would print for this sandbox, under <paramref name="name"/>, indented for <c>profiles:</c>.</summary>
    public string ProfileYaml(string name) =>
        $"  {name}:\n"
        + "    environment: Sandbox\n"
        + $"    appId: {Server.AppId}\n"
        + $"    organization: {Server.Organization}\n"
        + $"    certificate: {{ pem: {files.CertificatePemPath}, key: {files.PrivateKeyPemPath} }}\n"
        + $"    sandbox: {{ url: {Server.BaseUri}, serverCertificate: {serverCertificatePath} }}\n";

    /// <summary>A copy of the fixture whose <c>hosted</c> profile is this sandbox.</summary>
    public Workspace Workspace(string fixture)
    {
        var workspace = Infrastructure.Workspace.FromFixture(fixture);
        var configuration = File.ReadAllText(workspace.PathOf("exojobs.yaml"));
        workspace.Write("exojobs.yaml", configuration.Replace("profiles:\n", "profiles:\n" + ProfileYaml("hosted"), StringComparison.Ordinal));
        return workspace;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        credential.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
