namespace ExoJobRunner.Doctor;

/// <summary>Every check in order, the ones after a failure included as not run.</summary>
public sealed record DoctorReport(IReadOnlyList<DoctorEntry> Entries)
{
    /// <summary>The check the doctor stopped at, or null when every check passed.</summary>
    public DoctorEntry? Failure => Entries.FirstOrDefault(entry => entry.Result.Status == DoctorCheckStatus.Failed);

    public bool Passed => Failure is null;

    public int WarningCount => Entries.Count(entry => entry.Result.Status == DoctorCheckStatus.Warning);
}
