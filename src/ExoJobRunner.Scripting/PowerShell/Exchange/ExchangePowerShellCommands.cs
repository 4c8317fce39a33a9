using System.Management.Automation.Runspaces;
using ExoJobRunner.Exchange.Cmdlets;

namespace ExoJobRunner.Scripting.PowerShell.Exchange;

/// <summary>
/// The Exchange commands every job runspace has: <c>Invoke-ExchangeCmdlet</c>, one proxy function per cmdlet of the
/// manifest (<c>Get-Mailbox</c>, <c>Set-Mailbox</c> …) and stand-ins for <c>Connect-ExchangeOnline</c> and
/// <c>Disconnect-ExchangeOnline</c>, which a script written for an interactive console calls but which must not touch
/// the session every run shares.
/// </summary>
public static class ExchangePowerShellCommands
{
    // Simple functions, not advanced ones: they accept whatever arguments the script passes (-AppId, -ShowBanner:$false …).
    private const string ConnectFunction =
        "$session = $" + ExchangeSessionVariable.Name + "\n" +
        "if ($null -ne $session) { Write-Warning \"Connect-ExchangeOnline is ignored: this job already runs on the shared Exchange Online session of profile '$($session.ProfileName)', which the runner connects and keeps connected.\" }\n" +
        "else { Write-Warning 'Connect-ExchangeOnline is ignored: jobs connect through a connection profile. Set `profile:` in the job or `defaults.profile` in exojobs.yaml.' }\n";

    private const string DisconnectFunction =
        "$session = $" + ExchangeSessionVariable.Name + "\n" +
        "if ($null -ne $session) { Write-Warning \"Disconnect-ExchangeOnline is ignored: the shared Exchange Online session of profile '$($session.ProfileName)' stays connected for this job's later commands and for other runs.\" }\n" +
        "else { Write-Warning 'Disconnect-ExchangeOnline is ignored: this job has no Exchange session.' }\n";

    /// <summary>The commands to add to the session state of every job runspace.</summary>
    public static IReadOnlyList<SessionStateCommandEntry> Create() =>
    [
        new SessionStateCmdletEntry("Invoke-ExchangeCmdlet", typeof(InvokeExchangeCmdletCommand), helpFileName: null),
        .. ExchangeCmdletCatalog.Cmdlets.Select(cmdlet => new SessionStateFunctionEntry(cmdlet.Name, cmdlet.ProxyFunction)),
        new SessionStateFunctionEntry("Connect-ExchangeOnline", ConnectFunction),
        new SessionStateFunctionEntry("Disconnect-ExchangeOnline", DisconnectFunction),
    ];
}
