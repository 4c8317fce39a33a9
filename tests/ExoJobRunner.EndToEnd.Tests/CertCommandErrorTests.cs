using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary>
/// <c>exojobs cert new</c> and <c>cert show</c> without a sandbox: bad input is exit 2 with a message naming the option
/// and writing nothing; a certificate that cannot be found or opened is exit 5 naming where it was looked for.
/// </summary>
public sealed partial class CertCommandErrorTests
{
    private const string Profile = """
          mine:
            appId: 3f2a1c4e-1111-4222-8333-944445555666
            organization: contoso.onmicrosoft.com
            certificate: CERTIFICATE

        """;

    private static readonly string UnsetVariable = "EXOJOBS_TEST_UNSET_" + Guid.NewGuid().ToString("N");

    [Theory]
    //          arguments after 'cert new'                               what the message says
    [InlineData("--subject CN=x --password-env {unset}",                 "exojobs: --password-env: environment variable {unset} is not set; set it to the password for the .pfx")]
    [InlineData("--subject exojobs-contoso",                             "exojobs: --subject: 'exojobs-contoso' is not a distinguished name; did you mean CN=exojobs-contoso?")]
    [InlineData("--subject O=Contoso",                                   "exojobs: --subject: 'O=Contoso' has no CN (common name)")]
    [InlineData("--subject CN=x --key-size 1024",                        "exojobs: --key-size must be one of 2048, 3072, 4096 bits, not 1024.")]
    [InlineData("--subject CN=x --years 11",                             "exojobs: --years must be 1 to 10, not 11")]
    [InlineData("--subject CN=x --name ../x",                            "exojobs: --name: '../x' is not a file name")]
    [InlineData("--subject CN=x --store CurrentUser --password-env PW",  "exojobs: --password-env protects a .pfx file, and --store writes none")]
    [InlineData("--years 2",                                             "exojobs: Option '--subject' is required.")]
    public async Task CertNew_RefusesBadInput_WithExit2_AndWritesNothing(string arguments, string expected)
    {
        using var workspace = Workspace.FromFixture("basic");
        var before = Directory.GetFileSystemEntries(workspace.Directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var result = await ExojobsProcess.RunAsync(workspace.Directory, ["cert", "new", .. arguments.Replace("{unset}", UnsetVariable, StringComparison.Ordinal).Split(' ')]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected.Replace("{unset}", UnsetVariable, StringComparison.Ordinal), result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.AllOutput, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(workspace.Directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CertNew_IntoLocalMachine_IsRefusedOutsideWindows_SayingWhichStoreExists()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var workspace = Workspace.FromFixture("basic");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "cert", "new", "--subject", "CN=x", "--store", "LocalMachine");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--store LocalMachine: LocalMachine\\My (not available on this platform", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Use --store CurrentUser", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertNew_KeepsExistingFiles_UnlessForced()
    {
        using var workspace = Workspace.FromFixture("basic");
        var first = await ExojobsProcess.RunAsync(workspace.Directory, "cert", "new", "--subject", "CN=exojobs-twice", "--out", "certs");
        var pfx = File.ReadAllBytes(workspace.PathOf("certs/exojobs-twice.pfx"));

        var refused = await ExojobsProcess.RunAsync(workspace.Directory, "cert", "new", "--subject", "CN=exojobs-twice", "--out", "certs");
        var forced = await ExojobsProcess.RunAsync(workspace.Directory, "cert", "new", "--subject", "CN=exojobs-twice", "--out", "certs", "--force");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains($"{workspace.PathOf("certs/exojobs-twice.cer")}, {workspace.PathOf("certs/exojobs-twice.pfx")}, {workspace.PathOf("certs/exojobs-twice.pfx.password")} already exist", refused.StandardError, StringComparison.Ordinal);
        Assert.Contains("--force", refused.StandardError, StringComparison.Ordinal);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.NotEqual(Thumbprint(first), Thumbprint(forced));
        Assert.NotEqual(pfx, File.ReadAllBytes(workspace.PathOf("certs/exojobs-twice.pfx")));
        Assert.Equal(3, Directory.GetFiles(workspace.PathOf("certs")).Length);
    }

    [Fact]
    public async Task CertNew_WithPasswordEnv_ProtectsThePfxWithIt_AndTheProfileLineOpensIt()
    {
        const string variable = "EXOJOBS_TEST_NEW_PFX_PASSWORD";
        const string password = "From-The-Environment-4b7e1d";
        using var workspace = Workspace.FromRepositorySamples();
        var environment = new Dictionary<string, string?> { [variable] = password };

        var created = await ExojobsProcess.RunAsync(workspace.Directory, environment, "cert", "new", "--subject", "CN=exojobs-env", "--out", "certs", "--password-env", variable);
        WriteProfile(workspace, CertificateLine(created));
        var shown = await ExojobsProcess.RunAsync(workspace.Directory, environment, "cert", "show", "mine");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal($"{{ path: certs/exojobs-env.pfx, password: {{ env: {variable} }} }}", CertificateLine(created));
        Assert.False(File.Exists(workspace.PathOf("certs/exojobs-env.pfx.password")));
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains($"(password from environment variable {variable})", shown.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(password, created.AllOutput + shown.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertNew_IntoTheCurrentUserStore_IsFoundThereByAThumbprintProfile()
    {
        var subject = "CN=exojobs-e2e-store-" + Guid.NewGuid().ToString("N")[..12];
        using var workspace = Workspace.FromRepositorySamples();
        try
        {
            var created = await ExojobsProcess.RunAsync(workspace.Directory, "cert", "new", "--subject", subject, "--out", "certs", "--store", "CurrentUser");
            Assert.True(created.ExitCode == 0, created.ToString());
            Assert.Equal($"{{ thumbprint: {Thumbprint(created)}, store: CurrentUser }}", CertificateLine(created));
            Assert.Equal([workspace.PathOf($"certs/{subject[3..]}.cer")], Directory.GetFiles(workspace.PathOf("certs")));

            WriteProfile(workspace, CertificateLine(created));
            var shown = await ExojobsProcess.RunAsync(workspace.Directory, "cert", "show", "mine");

            Assert.True(shown.ExitCode == 0, shown.ToString());
            Assert.Contains($"thumbprint:   {Thumbprint(created)}", shown.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("private key:  yes", shown.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("found in:     CurrentUser\\My", shown.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            RemoveFromCurrentUserStore(subject);
        }
    }

    [Theory]
    //          certificate line                                                         where it looked
    [InlineData("{ thumbprint: 0123456789ABCDEF0123456789ABCDEF01234567 }",             "No certificate with thumbprint 0123456789ABCDEF0123456789ABCDEF01234567 was found; searched CurrentUser\\My")]
    [InlineData("{ path: certs/absent.pfx, password: { file: certs/absent.password } }", "PFX file {dir}/certs/absent.pfx does not exist")]
    [InlineData("{ pem: certs/absent.crt.pem, key: certs/absent.key.pem }",             "PEM certificate file {dir}/certs/absent.crt.pem does not exist")]
    public async Task CertShow_ExitsWith5_WhenTheCertificateIsNotThere_NamingWhereItLooked(string certificateLine, string expected)
    {
        using var workspace = Workspace.FromRepositorySamples();
        WriteProfile(workspace, certificateLine);

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "cert", "show", "mine");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("exojobs: profile 'mine': " + expected.Replace("{dir}", workspace.Directory, StringComparison.Ordinal), result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.AllOutput, StringComparison.Ordinal);
    }

    [Theory]
    //          key size  from  to    exit  what it says
    [InlineData(2048,     -1,   10,   0,    "warning: Certificate 'CN=exojobs-checked' (thumbprint {thumbprint}) expires in 10 day(s)")]
    [InlineData(1024,     -1,   400,  5,    "error: Certificate 'CN=exojobs-checked' (thumbprint {thumbprint}) has a 1024-bit RSA key; Entra ID refuses keys shorter than 2048 bits")]
    [InlineData(2048,     -30,  -2,   5,    "error: Certificate 'CN=exojobs-checked' (thumbprint {thumbprint}) expired on|days left:    none, expired on")]
    [InlineData(2048,     2,    30,   5,    "error: Certificate 'CN=exojobs-checked' (thumbprint {thumbprint}) is not valid before")]
    public async Task CertShow_PrintsWhatARunWouldObject_AndExitsWith5_WhenItCannotBeUsed(int keySize, int fromDays, int toDays, int exitCode, string expected)
    {
        using var workspace = Workspace.FromRepositorySamples();
        using var rsa = RSA.Create(keySize);
        var request = new CertificateRequest("CN=exojobs-checked", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(fromDays), DateTimeOffset.UtcNow.AddDays(toDays));
        workspace.Write("certs/checked.crt.pem", certificate.ExportCertificatePem());
        workspace.Write("certs/checked.key.pem", rsa.ExportPkcs8PrivateKeyPem());
        WriteProfile(workspace, "{ pem: certs/checked.crt.pem, key: certs/checked.key.pem }");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "cert", "show", "mine");

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains($"thumbprint:   {certificate.Thumbprint}", result.StandardOutput, StringComparison.Ordinal);
        Assert.All(
            expected.Replace("{thumbprint}", certificate.Thumbprint, StringComparison.Ordinal).Split('|'),
            line => Assert.Contains(line, result.StandardOutput, StringComparison.Ordinal));
    }

    [Theory]
    //          profile     what the message says
    [InlineData("nowhere",  "exojobs: no profile named 'nowhere' in")]
    [InlineData("",         "exojobs: profile 'sandbox' ({dir}/exojobs.yaml(4,3)) has no certificate to show: it uses the built-in sandbox")]
    public async Task CertShow_ExitsWith2_WhenTheProfileHasNoCertificateToShow(string profile, string expected)
    {
        using var workspace = Workspace.FromRepositorySamples();

        var result = await ExojobsProcess.RunAsync(workspace.Directory, profile.Length == 0 ? ["cert", "show"] : ["cert", "show", profile]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected.Replace("{dir}", workspace.Directory, StringComparison.Ordinal), result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertShow_ExitsWith2_OnAConfigurationError()
    {
        using var workspace = Workspace.FromRepositorySamples();
        WriteProfile(workspace, "{ thumbprint: 12AB }");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "cert", "show", "mine");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'thumbprint' must be the certificate's SHA-1 thumbprint", result.StandardError, StringComparison.Ordinal);
    }

    private static void WriteProfile(Workspace workspace, string certificateLine)
    {
        var configuration = File.ReadAllText(workspace.PathOf("exojobs.yaml"))
            .Replace("profiles:\n", "profiles:\n" + Profile.Replace("CERTIFICATE", certificateLine, StringComparison.Ordinal), StringComparison.Ordinal);
        workspace.Write("exojobs.yaml", configuration);
    }

    private static string Thumbprint(ExojobsResult result) => ThumbprintLine().Match(result.StandardOutput).Groups[1].Value;

    private static string CertificateLine(ExojobsResult result) => CertificateYamlLine().Match(result.StandardOutput).Groups[1].Value;

    private static void RemoveFromCurrentUserStore(string subject)
    {
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        foreach (var entry in store.Certificates)
        {
            if (entry.Subject == subject)
            {
                store.Remove(entry);
            }

            entry.Dispose();
        }
    }

    [GeneratedRegex("thumbprint: +([0-9A-F]{40})")]
    private static partial Regex ThumbprintLine();

    [GeneratedRegex("^    certificate: (.+)$", RegexOptions.Multiline)]
    private static partial Regex CertificateYamlLine();
}
