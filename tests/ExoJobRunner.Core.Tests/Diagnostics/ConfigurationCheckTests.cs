using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Tests.Configuration;
using ExoJobRunner.Doctor;

namespace ExoJobRunner.Core.Tests.Diagnostics;

/// <summary>The doctor's first step: the configuration loads, and it names the profile the later steps check.</summary>
public sealed class ConfigurationCheckTests
{
    private const string TwoProfiles = """
        #> exojobs.yaml
        profiles:
          sandbox:
            environment: Sandbox
          contoso:
            appId: 3f2a1c4e-1111-4222-8333-944445555666
            organization: contoso.onmicrosoft.com
            certificate: { path: certs/app.pfx }
        """;

    [Theory]
    //          layout (after the two profiles)                         --profile   cause names                                 fix names
    [InlineData("    appId: not-a-guid",                                null,       "EXOCFG",                                   "docs/configuration-errors.md")]
    [InlineData("",                                                     "prod",     "no profile named 'prod'; its profiles: contoso, sandbox", "--profile")]
    [InlineData("",                                                     null,       "sets no 'defaults: profile:'",             "--profile <name>")]
    public void Check_FailsAsConfiguration_NamingCauseAndFix(string extraLine, string? profile, string cause, string fix)
    {
        using var folder = ConfigFolder.FromLayout(TwoProfiles + "\n" + extraLine).WithJobUnlessPresent();
        var check = new ConfigurationCheck(folder.ConfigPath, profile);

        var result = Run(check);

        Assert.Equal(DoctorCheckStatus.Failed, result.Status);
        Assert.Equal(DoctorFailureKind.Configuration, result.FailureKind);
        Assert.Contains(cause, result.Cause, StringComparison.Ordinal);
        Assert.Contains(fix, result.Fix, StringComparison.Ordinal);
        Assert.Null(check.Profile);
    }

    [Fact]
    public void Check_FailsAsConfiguration_WhenTheFileIsMissing()
    {
        using var folder = new ConfigFolder();

        var result = Run(new ConfigurationCheck(folder.ConfigPath, null));

        Assert.Equal(DoctorFailureKind.Configuration, result.FailureKind);
        Assert.Contains("not found", result.Cause, StringComparison.Ordinal);
        Assert.Contains("--config", result.Cause, StringComparison.Ordinal);
    }

    [Theory]
    //          defaults        --profile   checked
    [InlineData("",             "contoso",  "contoso")]
    [InlineData("sandbox",      null,       "sandbox")]
    [InlineData("sandbox",      "contoso",  "contoso")]
    public void Check_NamesTheChosenProfileForTheLaterSteps(string defaultProfile, string? profile, string expected)
    {
        var defaults = defaultProfile.Length == 0 ? string.Empty : $"defaults:\n  profile: {defaultProfile}\n";
        using var folder = ConfigFolder.FromLayout(TwoProfiles + "\n" + defaults).WithJobUnlessPresent();
        var check = new ConfigurationCheck(folder.ConfigPath, profile);

        var result = Run(check);

        Assert.Equal(DoctorCheckStatus.Passed, result.Status);
        Assert.Equal(expected, check.Profile?.Name);
        Assert.Contains($"profile '{expected}'", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ChoosesTheOnlyProfile_WhenNoneIsNamed()
    {
        using var folder = ConfigFolder.FromLayout("#> exojobs.yaml\nprofiles:\n  offline:\n    environment: Sandbox\n").WithJobUnlessPresent();
        var check = new ConfigurationCheck(folder.ConfigPath, null);

        var result = Run(check);

        Assert.Equal(DoctorCheckStatus.Passed, result.Status);
        Assert.Equal("offline", check.Profile?.Name);
    }

    [Fact]
    public void Check_PassesWithAWarning_ListingTheConfigurationsWarnings()
    {
        using var folder = ConfigFolder.FromLayout(TwoProfiles.Replace("contoso.onmicrosoft.com", "contoso.com", StringComparison.Ordinal)).WithJobUnlessPresent();
        var check = new ConfigurationCheck(folder.ConfigPath, "contoso");

        var result = Run(check);

        Assert.Equal(DoctorCheckStatus.Warning, result.Status);
        Assert.Contains(ConfigurationDiagnosticIds.OrganizationNotInitialDomain, result.Cause, StringComparison.Ordinal);
        Assert.Equal("contoso.com", check.Profile?.Organization);
    }

    private static DoctorCheckResult Run(ConfigurationCheck check) => check.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
}
