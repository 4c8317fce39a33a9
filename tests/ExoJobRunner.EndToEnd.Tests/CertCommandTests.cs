using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary>
/// A certificate from <c>exojobs cert new</c>, uploaded (registered) on a standalone sandbox's app, used by a profile
/// exactly as <c>cert new</c> printed it: it signs in, runs Get-Mailbox, and <c>cert show</c> describes it.
/// </summary>
public sealed class CertCommandTests(NewCertificateSandbox certificate) : IClassFixture<NewCertificateSandbox>
{
    [Fact]
    public void CertNew_WritesTheCerPfxAndAnOwnerOnlyPasswordFile_AndPrintsTheProfileLine()
    {
        var name = certificate.Name;
        foreach (var file in new[] { name + ".cer", name + ".pfx", name + ".pfx.password" })
        {
            Assert.True(File.Exists(Path.Combine(certificate.CertificateFolder, file)), file);
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(certificate.PasswordPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(certificate.CertificateFolder, name + ".pfx")));
        }

        Assert.Equal($"{{ path: certs/{name}.pfx, password: {{ file: certs/{name}.pfx.password }} }}", certificate.CertificateYaml);
        Assert.Contains("Certificates & secrets", certificate.Output, StringComparison.Ordinal);
        Assert.Contains($"also registered:     {certificate.Thumbprint} (CN={name}, O=ExoJobRunner tests)", certificate.Sandbox.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(File.ReadAllText(certificate.PasswordPath), certificate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobOnAProfileWithTheNewCertificate_SignsIn_AndSeesEveryMailbox()
    {
        using var workspace = certificate.WorkspaceWithProfile();

        var result = await RunAsync(workspace, "run", "mailbox-report", "--profile", "standalone", "--verbose");

        Assert.True(result.ExitCode == 0, result.ToString());
        var runFolder = Assert.Single(Directory.GetDirectories(workspace.PathOf(".exojobs/runs/mailbox-report")));
        Assert.Equal(StandaloneSandbox.Mailboxes + 1, File.ReadAllLines(Path.Combine(runFolder, "mailbox-sizes.csv")).Length);
        var everything = result.AllOutput + certificate.Sandbox.Output + string.Concat(
            Directory.EnumerateFiles(workspace.PathOf(".exojobs"), "*", SearchOption.AllDirectories)
                .Where(file => !file.EndsWith(".db", StringComparison.Ordinal))
                .Select(File.ReadAllText));
        Assert.DoesNotContain(File.ReadAllText(certificate.PasswordPath), everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertShow_OnTheProfile_PrintsThumbprintDaysLeftAndWhereItWasFound()
    {
        using var workspace = certificate.WorkspaceWithProfile();

        var result = await RunAsync(workspace, "cert", "show", "standalone");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"thumbprint:   {certificate.Thumbprint}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Matches("days left: +36[56]\n", result.StandardOutput);
        Assert.Contains("key:          RSA 2048 bits", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("signature:    sha256RSA", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("private key:  yes", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(
            $"found in:     PFX file {workspace.PathOf($"certs/{certificate.Name}.pfx")} (password from file {workspace.PathOf($"certs/{certificate.Name}.pfx.password")})",
            result.StandardOutput,
            StringComparison.Ordinal);
        Assert.DoesNotContain("warning:", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(File.ReadAllText(certificate.PasswordPath), result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertShow_WithoutAProfile_ShowsTheDefaultsProfile()
    {
        using var workspace = certificate.WorkspaceWithProfile();
        workspace.Write("exojobs.yaml", File.ReadAllText(workspace.PathOf("exojobs.yaml")).Replace("profile: sandbox", "profile: standalone", StringComparison.Ordinal));

        var result = await RunAsync(workspace, "cert", "show");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Certificate of profile 'standalone'", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(certificate.Thumbprint, result.StandardOutput, StringComparison.Ordinal);
    }

    private Task<ExojobsResult> RunAsync(Workspace workspace, params string[] arguments) =>
        ExojobsProcess.RunAsync(
            workspace.Directory,
            new Dictionary<string, string?> { ["EXOJOBS_DATA_DIR"] = certificate.Sandbox.DataDirectory },
            arguments);
}
