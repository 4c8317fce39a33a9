using System.Globalization;
using System.Management.Automation;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>Turns the ways a PowerShell body can fail into a <see cref="BodyOutcome"/>.</summary>
internal static class PowerShellFailure
{
    /// <summary>An uncaught <c>throw</c>, or an error that became terminating (<c>-ErrorAction Stop</c>).</summary>
    public static BodyOutcome FromTerminatingError(RuntimeException exception, JobBody body)
    {
        var record = exception.ErrorRecord;
        return new BodyOutcome(
            BodyOutcomeKind.Failed,
            [],
            OriginalException(exception),
            record.ToString(),
            ErrorRecordLocator.Locate(record, body));
    }

    /// <summary>A top-level <c>exit N</c> with N other than 0.</summary>
    public static BodyOutcome FromExitCode(int exitCode) =>
        new(
            BodyOutcomeKind.Failed,
            [],
            ErrorMessage: string.Create(CultureInfo.InvariantCulture, $"the script exited with code {exitCode}"),
            ExitCode: exitCode);

    /// <summary>A body that went on past the errors it wrote (<c>errorAction: continue</c>, or <c>-ErrorAction Continue</c> on a command).</summary>
    public static BodyOutcome CompletedWithErrors(int errorCount, string? firstError) =>
        new(
            BodyOutcomeKind.CompletedWithErrors,
            [],
            ErrorMessage: string.Create(
                CultureInfo.InvariantCulture,
                $"the body wrote {errorCount} error record(s) and went on; the first: {firstError}"));

    /// <summary>
    /// The exception the body's code actually raised, so the runner can classify it by type: PowerShell wraps a
    /// .NET exception from a method call in a <see cref="MethodInvocationException"/>, a thrown one in a
    /// <see cref="RuntimeException"/>, and a cmdlet error stopped by <c>-ErrorAction Stop</c> in an
    /// <see cref="ActionPreferenceStopException"/> whose error record holds the cmdlet's own exception.
    /// </summary>
    public static Exception OriginalException(Exception exception)
    {
        while (true)
        {
            var wrapped = exception switch
            {
                ActionPreferenceStopException stop when !ReferenceEquals(stop.ErrorRecord.Exception, stop) => stop.ErrorRecord.Exception,
                RuntimeException { InnerException: { } inner } => inner,
                _ => null,
            };
            if (wrapped is null)
            {
                return exception;
            }

            exception = wrapped;
        }
    }
}
