namespace ExoJobRunner.Doctor;

/// <summary>
/// One step of <c>exojobs doctor</c>. Checks run in order and stop at the first failure; a check that builds on an
/// earlier one (the token on the certificate) shares state with it through the object that made them both. A check
/// reports every expected failure as a result with its cause and fix; it throws only for a bug. Any assembly can add
/// checks: the host lists them in the order they build on each other.
/// </summary>
public abstract class DoctorCheck
{
    /// <summary>The check's name as the report lists it, e.g. "Certificate found".</summary>
    public abstract string Name { get; }

    public abstract Task<DoctorCheckResult> RunAsync(CancellationToken cancellationToken);
}
