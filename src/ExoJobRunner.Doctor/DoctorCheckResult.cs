namespace ExoJobRunner.Doctor;

/// <summary>
/// What one check found: a one-line summary for its report line and, for a warning or a failure, the cause and the fix
/// on lines of their own. A failure also says what kind it is, which decides the exit code.
/// </summary>
public sealed record DoctorCheckResult
{
    public static readonly DoctorCheckResult NotRun = new() { Status = DoctorCheckStatus.NotRun, Summary = "not run" };

    public required DoctorCheckStatus Status { get; init; }

    /// <summary>What was found or looked for, e.g. "RSA 2048-bit, signed with sha256RSA"; never a secret.</summary>
    public required string Summary { get; init; }

    public string? Cause { get; init; }

    public string? Fix { get; init; }

    /// <summary>Set on failures only.</summary>
    public DoctorFailureKind? FailureKind { get; init; }

    public static DoctorCheckResult Passed(string summary) => new() { Status = DoctorCheckStatus.Passed, Summary = summary };

    public static DoctorCheckResult Warning(string summary, string cause, string fix) =>
        new() { Status = DoctorCheckStatus.Warning, Summary = summary, Cause = cause, Fix = fix };

    public static DoctorCheckResult Failed(DoctorFailureKind kind, string summary, string cause, string fix) =>
        new() { Status = DoctorCheckStatus.Failed, Summary = summary, Cause = cause, Fix = fix, FailureKind = kind };
}
