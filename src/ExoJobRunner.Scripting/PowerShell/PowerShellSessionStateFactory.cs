using System.Management.Automation.Runspaces;
using Microsoft.PowerShell;

namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>
/// Builds the session state every job runspace opens with: the SDK's default modules plus the commands the host
/// registers (the Exchange cmdlets and proxy functions, bound to the shared session, are added here).
/// </summary>
public sealed class PowerShellSessionStateFactory
{
    private readonly IReadOnlyList<SessionStateCommandEntry> _hostCommands;

    public PowerShellSessionStateFactory()
        : this([])
    {
    }

    /// <param name="hostCommands">
    /// Commands every body can call by name, e.g. a <see cref="SessionStateCmdletEntry"/> for a C# cmdlet or a
    /// <see cref="SessionStateFunctionEntry"/> for a proxy function.
    /// </param>
    public PowerShellSessionStateFactory(IEnumerable<SessionStateCommandEntry> hostCommands)
    {
        ArgumentNullException.ThrowIfNull(hostCommands);
        _hostCommands = [.. hostCommands];
    }

    public InitialSessionState Create()
    {
        var sessionState = InitialSessionState.CreateDefault2();

        // Only Windows enforces execution policies, and a scheduled job must not depend on the machine's policy.
        // Elsewhere setting one is not harmless: Runspace.Open throws PlatformNotSupportedException.
        if (OperatingSystem.IsWindows())
        {
            sessionState.ExecutionPolicy = ExecutionPolicy.Bypass;
        }

        foreach (var command in _hostCommands)
        {
            sessionState.Commands.Add(command);
        }

        return sessionState;
    }
}
