using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary>
/// Jobs against a standalone <c>exojobs sandbox</c> reached like a real tenant: the profile's own app id and
/// certificate sign in, so each authentication failure surfaces as it would in production (exit code 5).
/// </summary>
public sealed class StandaloneSandboxTests(StandaloneSandbox sandbox) : IClassFixture<StandaloneSandbox>
{
    private const string PfxPasswordVariable = "EXOJOBS_TEST_PFX_PASSWORD";

    [Fact]
    public void Sandbox_PrintsAProfile_AndWritesTheCredentialFiles()
    {
        Assert.Contains("environment: Sandbox", sandbox.ProfileYaml, StringComparison.Ordinal);
        Assert.Contains("https://127.0.0.1:", sandbox.Output, StringComparison.Ordinal);
        Assert.Matches("client certificate: +[0-9A-F]{40}", sandbox.Output);
        foreach (var file in new[] { "exojobs-sandbox.pfx", "exojobs-sandbox.crt.pem", "exojobs-sandbox.key.pem", "exojobs-sandbox-server.crt.pem" })
        {
            Assert.True(File.Exists(Path.Combine(sandbox.CredentialDirectory, file)), file);
        }
    }

    [Fact]
    public async Task SampleJob_OnTheStandaloneProfile_SeesExactlyItsTenant()
    {
        using var workspace = WorkspaceWith(sandbox.ProfileYaml);

        var result = await RunAsync(workspace, null, "run", "mailbox-report", "--profile", "standalone");

        Assert.True(result.ExitCode == 0, result.ToString());
        var runFolder = Assert.Single(Directory.GetDirectories(workspace.PathOf(".exojobs/runs/mailbox-report")));
        Assert.Equal(StandaloneSandbox.Mailboxes + 1, File.ReadAllLines(Path.Combine(runFolder, "mailbox-sizes.csv")).Length);
    }

    [Fact]
    public async Task PowerShellSampleJob_OnTheStandaloneProfile_Succeeds()
    {
        using var workspace = WorkspaceWith(sandbox.ProfileYaml);

        var result = await RunAsync(workspace, null, "run", "shared-mailboxes", "--profile", "standalone");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"\d+ shared mailboxes, \d+ explicit permissions", result.StandardOutput);
    }

    [Fact]
    public async Task WrongCertificate_Exits5_SayingToUploadIt()
    {
        using var workspace = WorkspaceWith(string.Empty);
        var (pem, key) = WriteSelfSignedCertificate(workspace);
        using var profile = WorkspaceWith(WithCertificate(sandbox.ProfileYaml, $"{{ pem: {pem}, key: {key} }}"));

        var result = await RunAsync(profile, null, "run", "mailbox-report", "--profile", "standalone");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("AADSTS700027", result.AllOutput, StringComparison.Ordinal);
        Assert.Contains("Upload this certificate", result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertificateWithoutPrivateKey_Exits5_SayingWhereTheKeyIs()
    {
        using var workspace = WorkspaceWith(string.Empty);
        var certificateOnly = Path.Combine(sandbox.CredentialDirectory, "exojobs-sandbox.crt.pem");
        using var profile = WorkspaceWith(WithCertificate(sandbox.ProfileYaml, $"{{ pem: {certificateOnly} }}"));

        var result = await RunAsync(profile, null, "run", "mailbox-report", "--profile", "standalone");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("private key", result.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApp_Exits5_SayingToCheckTheAppId()
    {
        var otherApp = Guid.NewGuid().ToString();
        using var profile = WorkspaceWith(System.Text.RegularExpressions.Regex.Replace(sandbox.ProfileYaml, "appId: .*", "appId: " + otherApp));

        var result = await RunAsync(profile, null, "run", "mailbox-report", "--profile", "standalone");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("AADSTS700016", result.AllOutput, StringComparison.Ordinal);
        Assert.Contains("Check the app id", result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoPasswordOrToken_AppearsInAnyLogOrOutput()
    {
        const string password = "Pfx-Secret-7f3a9c21e4";
        using var workspace = WorkspaceWith(string.Empty);
        var pfx = workspace.PathOf("protected.pfx");
        using (var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(sandbox.CredentialDirectory, "exojobs-sandbox.pfx"), null, X509KeyStorageFlags.Exportable))
        {
            File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pkcs12, password));
        }

        using var profile = WorkspaceWith(WithCertificate(sandbox.ProfileYaml, $"{{ path: {pfx}, password: {{ env: {PfxPasswordVariable} }} }}"));

        var result = await RunAsync(profile, password, "run", "mailbox-report", "--profile", "standalone", "--verbose");

        Assert.True(result.ExitCode == 0, result.ToString());
        var everything = result.AllOutput + string.Concat(
            Directory.EnumerateFiles(profile.PathOf(".exojobs"), "*", SearchOption.AllDirectories)
                .Where(file => !file.EndsWith(".db", StringComparison.Ordinal))
                .Select(File.ReadAllText));
        Assert.DoesNotContain(password, everything, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"eyJ[A-Za-z0-9_-]{10,}\.", everything);
    }

    private static string WithCertificate(string profileYaml, string certificate) =>
        System.Text.RegularExpressions.Regex.Replace(profileYaml, "certificate: .*", "certificate: " + certificate);

    private static Workspace WorkspaceWith(string profileYaml)
    {
        var workspace = Workspace.FromRepositorySamples();
        var configuration = File.ReadAllText(workspace.PathOf("exojobs.yaml")).Replace("profiles:\n", "profiles:\n" + profileYaml, StringComparison.Ordinal);
        workspace.Write("exojobs.yaml", configuration);
        return workspace;
    }

    private static (string Pem, string Key) WriteSelfSignedCertificate(Workspace workspace)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=not-uploaded", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pem = workspace.PathOf("other.crt.pem");
        var key = workspace.PathOf("other.key.pem");
        File.WriteAllText(pem, certificate.ExportCertificatePem());
        File.WriteAllText(key, rsa.ExportPkcs8PrivateKeyPem());

        return (pem, key);
    }

    private Task<ExojobsResult> RunAsync(Workspace workspace, string? pfxPassword, params string[] arguments) =>
        ExojobsProcess.RunAsync(
            workspace.Directory,
            new Dictionary<string, string?>
            {
                ["EXOJOBS_DATA_DIR"] = sandbox.DataDirectory,
                [PfxPasswordVariable] = pfxPassword,
            },
            arguments);
}
