using ExoJobRunner.Doctor;
using ExoJobRunner.Exchange.Diagnostics;
using ExoJobRunner.Exchange.Tests.Support;

namespace ExoJobRunner.Exchange.Tests.Diagnostics;

/// <summary>
/// The doctor's connection checks against a real sandbox over HTTPS: each set-up mistake makes exactly its step fail,
/// with a cause and a fix that name it, and the steps after it are not run.
/// </summary>
public sealed class DoctorChecksTests(DoctorSandboxFixture sandbox) : IClassFixture<DoctorSandboxFixture>
{
    private const DoctorFailureKind SignIn = DoctorFailureKind.Authentication;
    private const DoctorFailureKind Other = DoctorFailureKind.Other;

    [Theory]
    //          scenario                    failing check             kind    cause names                         fix names
    [InlineData("thumbprint not in store",  "Certificate found",      SignIn, "CurrentUser\\My",                  "Import the certificate with its private key")]
    [InlineData("PFX file missing",         "Certificate found",      SignIn, "absent.pfx does not exist",        "Correct the path")]
    [InlineData("PEM without key",          "Private key",            SignIn, "has no private key",               "the PEM key file")]
    [InlineData("PFX without key",          "Private key",            SignIn, "has no private key",               "not the exported .cer")]
    [InlineData("expired",                  "Not expired",            SignIn, "expired on",                       "Create a new certificate")]
    [InlineData("RSA 1024",                 "Key strength",           SignIn, "1024-bit RSA key",                 "at least 2048 bits")]
    [InlineData("custom domain",            "Organization",           Other,  "'contoso.com', a custom domain",   "contoso.onmicrosoft.com")]
    [InlineData("tenant id",                "Organization",           Other,  "by its tenant id",                 "Domain names")]
    [InlineData("unknown app",              "Token acquired",         SignIn, "AADSTS700016",                     "Check the app id")]
    [InlineData("certificate not uploaded", "Token acquired",         SignIn, "AADSTS700027",                     "Upload this certificate's public part (.cer)")]
    [InlineData("consent missing",          "Exchange.ManageAsApp",   SignIn, "no roles claim",                   "Application permissions > Exchange.ManageAsApp")]
    [InlineData("no role",                  "Get-OrganizationConfig", SignIn, "isn't supported in this scenario", "Exchange Administrator")]
    [InlineData("User Administrator role",  "Get-OrganizationConfig", SignIn, "isn't supported in this scenario", "Roles & admins")]
    public async Task Doctor_StopsAtTheStepThatFails_NamingCauseAndFix(string scenario, string failingCheck, DoctorFailureKind kind, string cause, string fix)
    {
        var (report, _) = await RunAsync(scenario);

        var failure = report.Failure;
        Assert.NotNull(failure);
        Assert.Equal(failingCheck, failure.Name);
        Assert.Equal(kind, failure.Result.FailureKind);
        Assert.Contains(cause, failure.Result.Cause, StringComparison.Ordinal);
        Assert.Contains(fix, failure.Result.Fix, StringComparison.Ordinal);
        var position = report.Entries.ToList().IndexOf(failure);
        Assert.All(report.Entries.Take(position), entry => Assert.Equal(DoctorCheckStatus.Passed, entry.Result.Status));
        Assert.All(report.Entries.Skip(position + 1), entry => Assert.Equal(DoctorCheckStatus.NotRun, entry.Result.Status));
    }

    [Theory]
    [InlineData("correctly set up")]
    [InlineData("in-process sandbox")]
    public async Task Doctor_PassesEveryCheck_WhenTheSetUpIsRight(string scenario)
    {
        var (report, _) = await RunAsync(scenario);

        Assert.True(report.Passed, Describe(report));
        Assert.Equal(
            ["Certificate found", "Private key", "Not expired", "Key strength", "Organization", "Token acquired", "Exchange.ManageAsApp", "Get-OrganizationConfig"],
            report.Entries.Select(entry => entry.Name));
        Assert.All(report.Entries, entry => Assert.Equal(DoctorCheckStatus.Passed, entry.Result.Status));
    }

    [Fact]
    public async Task Doctor_WarnsHowToRotate_ACertificateNearItsEnd_AndGoesOn()
    {
        var (report, _) = await RunAsync("certificate near its end");

        Assert.True(report.Passed, Describe(report));
        var validity = Assert.Single(report.Entries, entry => entry.Result.Status == DoctorCheckStatus.Warning);
        Assert.Equal("Not expired", validity.Name);
        Assert.Contains("expires in 10 day(s)", validity.Result.Cause, StringComparison.Ordinal);
        Assert.Contains("upload its public part (.cer) to the app registration", validity.Result.Fix, StringComparison.Ordinal);
        Assert.Contains("next to the current one", validity.Result.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("correctly set up")]
    [InlineData("consent missing")]
    [InlineData("no role")]
    public async Task Doctor_NeverReportsTheToken(string scenario)
    {
        var (report, accessToken) = await RunAsync(scenario);

        Assert.NotNull(accessToken);
        Assert.DoesNotContain(accessToken, Describe(report), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"eyJ[A-Za-z0-9_-]{10,}\.", Describe(report));
    }

    [Fact]
    public async Task Doctor_NeverRecommendsTheRetiredImpersonationRole()
    {
        var (report, _) = await RunAsync("no role");

        Assert.DoesNotContain("Impersonation", Describe(report), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<(DoctorReport Report, string? AccessToken)> RunAsync(string scenario)
    {
        var settings = sandbox.Scenario(scenario);
        await using var connection = new ConnectionChecks(() => settings, sandbox.Options);
        var report = await DoctorRunner.RunAsync(connection.Checks);
        return (report, connection.AccessToken);
    }

    private static string Describe(DoctorReport report) =>
        string.Join("\n", report.Entries.Select(entry => $"{entry.Result.Status} {entry.Name}: {entry.Result.Summary} | {entry.Result.Cause} | {entry.Result.Fix}"));
}
