using ExoJobRunner.Core.Running;
using ExoJobRunner.Doctor;

namespace ExoJobRunner.Core.Diagnostics;

/// <summary>
/// The exit code of <c>exojobs doctor</c>, read from the documented contract: 0 when every check passed (warnings
/// included); 2 for an invalid configuration, as every verb reports it; 5 when signing in fails (certificate, token,
/// permission or role); 1 for any other failed check (the organization, Exchange Online unreachable or failing).
/// </summary>
public static class DoctorExitCode
{
    public static int Of(DoctorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);

        return report.Failure?.Result.FailureKind switch
        {
            null => ExitCodes.Succeeded,
            DoctorFailureKind.Configuration => ExitCodes.UsageOrConfiguration,
            DoctorFailureKind.Authentication => ExitCodes.ConnectionFailed,
            _ => ExitCodes.JobFailed,
        };
    }
}
