using System.Globalization;

namespace ExoJobRunner.Core.Running;

/// <summary>
/// The process exit code for a body that asked for one (<c>exit N</c> in PowerShell, <c>return N;</c> in C#). A job
/// owns the codes exojobs does not: a body that ends with 2 or 5 must not pass for a configuration or connection error
/// that Task Scheduler, systemd or a CI step would act on. Reserved codes, and numbers no process can exit with,
/// become 1 (the job failed), and the run's log says so.
/// </summary>
public static class BodyExitCode
{
    /// <summary>The highest of exojobs' own codes: 1 to this one, and 130, are <see cref="ExitCodes"/>.</summary>
    public const int LastReserved = ExitCodes.EnvironmentError;

    /// <summary>The code the run exits with for a body's <paramref name="requested"/> one (not 0), and why it differs, if it does.</summary>
    public static (int ExitCode, string? Reason) Map(int requested)
    {
        if (requested is < 0 or > 255)
        {
            return (ExitCodes.JobFailed, string.Create(
                CultureInfo.InvariantCulture,
                $"{requested} is not a process exit code (0 to 255 on every system), so the run exits with {ExitCodes.JobFailed}"));
        }

        if (requested is (> ExitCodes.JobFailed and <= LastReserved) or ExitCodes.Interrupted)
        {
            return (ExitCodes.JobFailed, string.Create(
                CultureInfo.InvariantCulture,
                $"exit code {requested} is exojobs' own ({Meaning(requested)}), so the run exits with {ExitCodes.JobFailed}; a job's own codes are 9 to 255 but 130"));
        }

        return (requested, null);
    }

    private static string Meaning(int code) => code switch
    {
        ExitCodes.UsageOrConfiguration => "a usage or configuration error",
        ExitCodes.InvalidBody => "a body that does not compile",
        ExitCodes.TimedOut => "a timeout",
        ExitCodes.ConnectionFailed => "a failed connection to Exchange Online",
        ExitCodes.InstallationBroken => "a broken installation",
        ExitCodes.CompletedWithErrors => "a run that completed with errors",
        ExitCodes.EnvironmentError => "an unusable environment",
        _ => "an interrupted run",
    };
}
