using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Tests.Configuration;
using ExoJobRunner.Doctor;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Diagnostics;
using ExoJobRunner.Sandbox.Connection;

namespace ExoJobRunner.Core.Tests.Diagnostics;

/// <summary>
/// The whole doctor, configuration first, on profiles that fail before any request leaves the machine (or on the
/// in-process sandbox): the step it stops at decides the documented exit code.
/// </summary>
public sealed class DoctorExitCodeTests : IDisposable
{
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "exojobs-doctor-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    [Theory]
    //          profile body                                                                                          stops at                exit code
    [InlineData("environment: Sandbox",                                                                                null,                   ExitCodes.Succeeded)]
    [InlineData("environment: Nowhere",                                                                                "Configuration valid",  ExitCodes.UsageOrConfiguration)]
    [InlineData("appId: 3f2a1c4e-1111-4222-8333-944445555666\n    organization: contoso.onmicrosoft.com\n    certificate: { path: missing.pfx }", "Certificate found", ExitCodes.ConnectionFailed)]
    [InlineData("appId: 3f2a1c4e-1111-4222-8333-944445555666\n    organization: contoso.com\n    certificate: { path: app.pfx }",         "Organization",      ExitCodes.JobFailed)]
    public async Task Doctor_ExitsWithTheCodeOfTheStepItStopsAt(string profileBody, string? stopsAt, int exitCode)
    {
        using var folder = ConfigFolder.FromLayout($"#> exojobs.yaml\nprofiles:\n  checked:\n    {profileBody}\n").WithJobUnlessPresent();
        WriteUsablePfx(folder.PathOf("app.pfx"));
        var configuration = new ConfigurationCheck(folder.ConfigPath, null);
        await using var connection = new ConnectionChecks(
            () => configuration.Profile?.ToConnectionSettings(),
            new ExchangeSessionPoolOptions { Environments = SandboxEnvironments.All(dataFolder) });

        var report = await DoctorRunner.RunAsync([configuration, .. connection.Checks]);

        Assert.Equal(stopsAt, report.Failure?.Name);
        Assert.Equal(exitCode, DoctorExitCode.Of(report));
    }

    private static void WriteUsablePfx(string path)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=doctor-exit-codes", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(365));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
    }
}
