using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Scripting.PowerShell.Exchange;

/// <summary>
/// Hands a run's Exchange session to the Exchange commands through a variable of the runspace: set for each run and
/// removed with every other variable when the runspace is reset for the next one. It is read-only in every scope
/// (AllScope), so a body that assigns the name gets an error instead of a local variable hiding the session.
/// </summary>
internal static class ExchangeSessionVariable
{
    public const string Name = "ExoJobRunnerExchangeSession";

    /// <summary>Binds the runspace's Exchange commands to <paramref name="session"/> for the run about to start.</summary>
    public static void Set(Runspace runspace, ExchangeSession session) =>
        runspace.SessionStateProxy.PSVariable.Set(new PSVariable(
            Name,
            session,
            ScopedItemOptions.ReadOnly | ScopedItemOptions.AllScope,
            [new ValidateNotNullAttribute()])
        {
            Description = "The shared Exchange Online session this run's Exchange cmdlets use.",
        });

    /// <summary>The session of the current run, or null when the job has no connection profile.</summary>
    public static ExchangeSession? Get(SessionState sessionState) =>
        sessionState.PSVariable.GetValue(Name) as ExchangeSession;
}
