namespace ExoJobRunner.Doctor;

/// <summary>One line of the doctor's report: a check's name and what it found.</summary>
public sealed record DoctorEntry(string Name, DoctorCheckResult Result);
