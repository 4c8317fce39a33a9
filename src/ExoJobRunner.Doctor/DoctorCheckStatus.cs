namespace ExoJobRunner.Doctor;

/// <summary>How one <c>exojobs doctor</c> check ended.</summary>
public enum DoctorCheckStatus
{
    Passed,

    /// <summary>Passed, with something to act on soon (a certificate near its end date, a SHA-1 signature …).</summary>
    Warning,

    /// <summary>Failed: the doctor stops here, and every later check is <see cref="NotRun"/>.</summary>
    Failed,
    NotRun,
}
