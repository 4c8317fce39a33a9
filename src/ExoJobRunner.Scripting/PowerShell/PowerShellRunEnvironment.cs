using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.PowerShell.Exchange;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>
/// What a body sees when it starts: <c>$Job</c>, <c>$Parameters</c>, the Exchange cmdlets bound to the run's session,
/// preferences and its current folder.
/// </summary>
internal static class PowerShellRunEnvironment
{
    /// <summary>Sets the run's variables in a freshly reset runspace; call it on the thread that will run the body.</summary>
    public static void Apply(Runspace runspace, JobBody body, BodyRunRequest request)
    {
        var sessionState = runspace.SessionStateProxy;
        sessionState.SetVariable("Job", request.Job);
        sessionState.SetVariable("Parameters", ParameterTable(request.Job.Parameters));
        if (request.Exchange is { } exchange)
        {
            ExchangeSessionVariable.Set(runspace, exchange);
        }

        // Unattended, an error nobody reads must not be stepped over: by default any error ends the body (and fails the
        // run). errorAction: continue gives PowerShell's interactive behaviour, and the run then ends CompletedWithErrors.
        sessionState.SetVariable(
            "ErrorActionPreference",
            request.ErrorAction == PowerShellErrorAction.Continue ? ActionPreference.Continue : ActionPreference.Stop);

        // Verbose and debug records are only produced when the run's log would keep them, the way -Verbose turns
        // them on at a console; a body can still set the preferences itself.
        sessionState.SetVariable("VerbosePreference", PreferenceFor(request.Log, LogLevel.Debug));
        sessionState.SetVariable("DebugPreference", PreferenceFor(request.Log, LogLevel.Trace));

        // Nobody watches an unattended run's progress bars, and producing them slows cmdlets like Invoke-WebRequest.
        sessionState.SetVariable("ProgressPreference", ActionPreference.SilentlyContinue);

        // Relative paths (". ./helpers.ps1", "Get-Content ./users.csv") resolve against the body's own folder rather
        // than wherever the runner happened to be started.
        if (Path.GetDirectoryName(body.FilePath) is { Length: > 0 } bodyFolder)
        {
            sessionState.Path.SetLocation(WildcardPattern.Escape(bodyFolder));
        }
    }

    private static Hashtable ParameterTable(IReadOnlyDictionary<string, string> parameters)
    {
        var table = new Hashtable(parameters.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in parameters)
        {
            table[name] = value;
        }

        return table;
    }

    private static ActionPreference PreferenceFor(ILogger log, LogLevel level) =>
        log.IsEnabled(level) ? ActionPreference.Continue : ActionPreference.SilentlyContinue;
}
