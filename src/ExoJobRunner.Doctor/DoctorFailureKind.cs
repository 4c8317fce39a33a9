namespace ExoJobRunner.Doctor;

/// <summary>What a failed check says about the set-up; it decides the doctor's exit code.</summary>
public enum DoctorFailureKind
{
    /// <summary>The configuration file or the chosen profile is invalid, as every verb reports it.</summary>
    Configuration,

    /// <summary>The certificate, the token, or the app's permission and role: signing in fails.</summary>
    Authentication,

    /// <summary>Anything else: the organization, or Exchange Online unreachable or failing.</summary>
    Other,
}
