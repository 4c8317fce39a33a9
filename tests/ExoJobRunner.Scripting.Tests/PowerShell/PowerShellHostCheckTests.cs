using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ExoJobRunner.Doctor;
using ExoJobRunner.Scripting.Diagnostics;
using ExoJobRunner.Scripting.PowerShell;

namespace ExoJobRunner.Scripting.Tests.PowerShell;

/// <summary>
/// The check every runspace passes before a body runs on it, and the doctor's step built on it. A runspace that cannot
/// load modules stands in for an installation without them (the end-to-end tests remove the real folder).
/// </summary>
public sealed class PowerShellHostCheckTests
{
    [Fact]
    public void Open_ResolvesEveryCoreCmdlet_WithTheModulesThisProcessShips()
    {
        using var runspace = PooledRunspace.Open(new PowerShellSessionStateFactory().Create());

        Assert.Empty(PowerShellCoreCmdlets.FindMissingCmdlets(runspace.Runspace));
    }

    [Fact]
    public void Open_Throws_NamingEveryMissingCmdletAndWherePowerShellLooked_WhenNoModuleCanBeLoaded()
    {
        var sessionState = new PowerShellSessionStateFactory().Create();
        sessionState.Variables.Add(new SessionStateVariableEntry("PSModuleAutoLoadingPreference", PSModuleAutoLoadingPreference.None, description: null));

        var broken = Assert.Throws<PowerShellInstallationException>(() => PooledRunspace.Open(sessionState));

        Assert.Equal(PowerShellCoreCmdlets.Names, broken.MissingCmdlets);
        Assert.StartsWith("this installation of exojobs is broken: PowerShell's built-in cmdlets Write-Output, Write-Warning, Select-Object", broken.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(PowerShellCoreCmdlets.PSHome, "Modules"), broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoctorStep_Passes_NamingTheVersionAndWherePowerShellLives()
    {
        var result = await new PowerShellHostCheck().RunAsync(CancellationToken.None);

        Assert.Equal(DoctorCheckStatus.Passed, result.Status);
        Assert.StartsWith($"PowerShell 7.", result.Summary, StringComparison.Ordinal);
        Assert.Contains($" in {PowerShellCoreCmdlets.PSHome};", result.Summary, StringComparison.Ordinal);
    }
}
