using System.Collections;
using System.Globalization;
using ExoJobRunner.Doctor;
using ExoJobRunner.Scripting.PowerShell;
using ExoJobRunner.Scripting.PowerShell.Exchange;

namespace ExoJobRunner.Scripting.Diagnostics;

/// <summary>
/// The doctor's check of the PowerShell inside this installation: a runspace opens as a run's would (the Exchange
/// cmdlets included) and resolves PowerShell's own core cmdlets. It fails where every PowerShell run would fail with
/// exit code 6, and says so before a scheduled job finds out.
/// </summary>
public sealed class PowerShellHostCheck : DoctorCheck
{
    public override string Name => "PowerShell host";

    public override Task<DoctorCheckResult> RunAsync(CancellationToken cancellationToken) =>
        Task.Run(Check, cancellationToken);

    private static DoctorCheckResult Check()
    {
        var sessionState = new PowerShellSessionStateFactory(ExchangePowerShellCommands.Create()).Create();
        try
        {
            using var runspace = PooledRunspace.Open(sessionState);
            var versions = (Hashtable)runspace.Runspace.SessionStateProxy.PSVariable.GetValue("PSVersionTable");
            return DoctorCheckResult.Passed(string.Create(
                CultureInfo.InvariantCulture,
                $"PowerShell {versions["PSVersion"]} in {PowerShellCoreCmdlets.PSHome}; its built-in cmdlets resolve ({string.Join(", ", PowerShellCoreCmdlets.Names)})"));
        }
        catch (PowerShellInstallationException broken)
        {
            return DoctorCheckResult.Failed(
                DoctorFailureKind.Installation,
                $"PowerShell's built-in cmdlets are missing: {string.Join(", ", broken.MissingCmdlets)}",
                broken.Cause + " Every PowerShell body would fail before it starts (exit code 6).",
                PowerShellInstallationException.Fix);
        }
    }
}
