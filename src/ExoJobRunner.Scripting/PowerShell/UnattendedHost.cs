using System.Globalization;
using System.Management.Automation.Host;

namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>
/// The host of one pooled runspace. A top-level <c>exit 3</c> is not an exception: PowerShell hands the code to the
/// host through <see cref="SetShouldExit"/>, so this is where a run's exit code is captured. It has no UI: a job
/// runs unattended, so <c>Write-Host</c> reaches the Information stream only and <c>Read-Host</c> fails.
/// </summary>
internal sealed class UnattendedHost : PSHost
{
    private static readonly Version HostVersion = typeof(UnattendedHost).Assembly.GetName().Version ?? new Version(1, 0);

    public override string Name => "ExoJobRunner";

    public override Version Version => HostVersion;

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override PSHostUserInterface? UI => null;

    public override CultureInfo CurrentCulture { get; } = CultureInfo.CurrentCulture;

    public override CultureInfo CurrentUICulture { get; } = CultureInfo.CurrentUICulture;

    /// <summary>The code passed to <c>exit</c> by the current run, or null when it did not exit.</summary>
    public int? RequestedExitCode { get; private set; }

    public void ClearExitCode() => RequestedExitCode = null;

    public override void SetShouldExit(int exitCode) => RequestedExitCode = exitCode;

    public override void EnterNestedPrompt() =>
        throw new NotSupportedException("A job runs unattended: there is no interactive prompt to enter.");

    public override void ExitNestedPrompt() =>
        throw new NotSupportedException("A job runs unattended: there is no interactive prompt to exit.");

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }
}
