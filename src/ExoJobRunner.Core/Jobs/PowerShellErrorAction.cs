namespace ExoJobRunner.Core.Jobs;

/// <summary>What an error does to a PowerShell body (a job's <c>errorAction:</c>).</summary>
public enum PowerShellErrorAction
{
    /// <summary>
    /// The default: <c>$ErrorActionPreference = 'Stop'</c>, so any error (an Exchange refusal, a failed enumeration, a
    /// misspelled parameter or command) ends the run as Failed, as unattended scripts are usually written.
    /// </summary>
    Stop,

    /// <summary>
    /// PowerShell's interactive behaviour: a non-terminating error is logged and the body goes on; a run that wrote
    /// error records ends CompletedWithErrors (exit code 7) rather than Succeeded.
    /// </summary>
    Continue,
}
