using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary>
/// <c>exojobs doctor</c> as a user runs it: on the shipped default profile, and against standalone sandboxes set up wrong
/// on purpose. Output is redirected here, so lines start with [ok], [warn], [fail] or [skip].
/// </summary>
public sealed class DoctorCommandTests(StandaloneSandbox sandbox) : IClassFixture<StandaloneSandbox>
{
    private const string PfxPasswordVariable = "EXOJOBS_TEST_DOCTOR_PFX_PASSWORD";

    private static readonly string[] Steps =
    [
        "Configuration valid", "Certificate found", "Private key", "Not expired", "Key strength", "Organization",
        "Token acquired", "Exchange.ManageAsApp", "Get-OrganizationConfig", "PowerShell host",
    ];

    [Fact]
    public async Task Doctor_OnTheShippedDefaultProfile_PassesEveryStep()
    {
        using var workspace = Workspace.FromRepositorySamples();

        var result = await RunDoctorAsync(workspace, workspace.PathOf("data"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.All(Steps, step => Assert.Contains($"[ok]   {step}: ", result.StandardOutput, StringComparison.Ordinal));
        Assert.Contains("All 10 checks passed; exit code 0.", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(result.StandardError);
    }

    [Theory]
    //          exojobs sandbox option           failing step              cause                                fix
    [InlineData("--without-consent",            "Exchange.ManageAsApp",   "has no roles claim",                "Application permissions > Exchange.ManageAsApp")]
    [InlineData("--role UserAdministrator",     "Get-OrganizationConfig", "isn't supported in this scenario",  "Exchange Recipient Administrator")]
    public async Task Doctor_OnAMisconfiguredApp_StopsAtItsStep_WithCauseAndFix_AndExits5(string option, string failingStep, string cause, string fix)
    {
        var misconfigured = await StandaloneSandbox.StartAsync(option.Split(' '));
        try
        {
            using var workspace = WorkspaceWith(misconfigured.ProfileYaml);

            var result = await RunDoctorAsync(workspace, misconfigured.DataDirectory, "--profile", "standalone");

            Assert.True(result.ExitCode == 5, result.ToString());
            AssertStopsAt(result, failingStep);
            Assert.Matches($"(?m)^    Cause: .*{Regex.Escape(cause)}", result.StandardOutput);
            Assert.Matches($"(?m)^    Fix:   .*{Regex.Escape(fix)}", result.StandardOutput);
            Assert.Contains($"Stopped at '{failingStep}'", result.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"eyJ[A-Za-z0-9_-]{10,}\.", result.AllOutput);
        }
        finally
        {
            await misconfigured.DisposeAsync();
        }
    }

    [Fact]
    public async Task Doctor_WithAMissingCertificate_SaysWhereItLooked_AndExits5()
    {
        using var workspace = WorkspaceWith("""
              production:
                appId: 3f2a1c4e-1111-4222-8333-944445555666
                organization: contoso.onmicrosoft.com
                certificate: { path: certs/missing.pfx }

            """);

        var result = await RunDoctorAsync(workspace, workspace.PathOf("data"), "--profile", "production");

        Assert.True(result.ExitCode == 5, result.ToString());
        AssertStopsAt(result, "Certificate found");
        Assert.Contains($"[fail] Certificate found: looked for PFX file {workspace.PathOf("certs/missing.pfx")}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^    Cause: PFX file .*missing\.pfx does not exist\.", result.StandardOutput);
        Assert.Matches(@"(?m)^    Fix:   Correct the path", result.StandardOutput);
        Assert.DoesNotContain("   at ", result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_WithAnInvalidConfiguration_ListsItsErrors_AndExits2()
    {
        using var workspace = WorkspaceWith("""
              broken:
                environment: Nowhere

            """);

        var result = await RunDoctorAsync(workspace, workspace.PathOf("data"), "--profile", "broken");

        Assert.True(result.ExitCode == 2, result.ToString());
        AssertStopsAt(result, "Configuration valid");
        Assert.Matches(@"(?m)^    Cause: .*exojobs\.yaml\(\d+,\d+\): error EXOCFG\d+: unknown environment 'Nowhere'", result.StandardOutput);
        Assert.Contains("docs/configuration-errors.md", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_NeverPrintsThePfxPasswordOrTheToken_InTextOrJson()
    {
        const string password = "Doctor-Pfx-Secret-5b1e93c2";
        using var workspace = WorkspaceWith(string.Empty);
        var pfx = workspace.PathOf("protected.pfx");
        using (var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(sandbox.CredentialDirectory, "exojobs-sandbox.pfx"), null, X509KeyStorageFlags.Exportable))
        {
            File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pkcs12, password));
        }

        var profile = Regex.Replace(sandbox.ProfileYaml, "certificate: .*", $"certificate: {{ path: {pfx}, password: {{ env: {PfxPasswordVariable} }} }}");
        using var configured = WorkspaceWith(profile);

        var text = await RunDoctorWithPfxPasswordAsync(configured, sandbox.DataDirectory, password, "--profile", "standalone");
        var json = await RunDoctorWithPfxPasswordAsync(configured, sandbox.DataDirectory, password, "--profile", "standalone", "--format", "json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Contains($"(password from environment variable {PfxPasswordVariable})", text.StandardOutput, StringComparison.Ordinal);
        foreach (var output in new[] { text.AllOutput, json.AllOutput })
        {
            Assert.DoesNotContain(password, output, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"eyJ[A-Za-z0-9_-]{10,}\.", output);
        }

        using var report = JsonDocument.Parse(json.StandardOutput);
        Assert.True(report.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(0, report.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal(Steps, report.RootElement.GetProperty("checks").EnumerateArray().Select(check => check.GetProperty("name").GetString()));
    }

    /// <summary>Every step before the failing one passed (or warned), the failing one is [fail], every later one [skip].</summary>
    private static void AssertStopsAt(ExojobsResult result, string failingStep)
    {
        var position = Array.IndexOf(Steps, failingStep);
        foreach (var step in Steps.Take(position))
        {
            Assert.Matches($@"(?m)^\[(ok|warn)\] +{Regex.Escape(step)}: ", result.StandardOutput);
        }

        Assert.Contains($"[fail] {failingStep}: ", result.StandardOutput, StringComparison.Ordinal);
        foreach (var step in Steps.Skip(position + 1))
        {
            Assert.Contains($"[skip] {step}: not run", result.StandardOutput, StringComparison.Ordinal);
        }
    }

    private static Workspace WorkspaceWith(string profileYaml)
    {
        var workspace = Workspace.FromRepositorySamples();
        var configuration = File.ReadAllText(workspace.PathOf("exojobs.yaml")).Replace("profiles:\n", "profiles:\n" + profileYaml, StringComparison.Ordinal);
        workspace.Write("exojobs.yaml", configuration);
        return workspace;
    }

    private static Task<ExojobsResult> RunDoctorAsync(Workspace workspace, string dataDirectory, params string[] arguments) =>
        RunDoctorWithPfxPasswordAsync(workspace, dataDirectory, pfxPassword: null, arguments);

    private static Task<ExojobsResult> RunDoctorWithPfxPasswordAsync(Workspace workspace, string dataDirectory, string? pfxPassword, params string[] arguments) =>
        ExojobsProcess.RunAsync(
            workspace.Directory,
            new Dictionary<string, string?> { ["EXOJOBS_DATA_DIR"] = dataDirectory, [PfxPasswordVariable] = pfxPassword },
            ["doctor", .. arguments]);
}
