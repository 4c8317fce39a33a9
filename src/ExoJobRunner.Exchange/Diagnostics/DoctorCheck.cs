namespace ExoJobRunner.Exchange.Diagnostics;

/// <summary>
/// One step of <c>exojobs doctor</c>. Checks run in order on one <see cref="DoctorContext"/>, each building on what the
/// ones before it found (the certificate, then the token …), and stop at the first failure. A check reports every
/// expected failure as a result with its cause and fix; it throws only for a bug.
/// </summary>
public abstract class DoctorCheck
{
    /// <summary>The check's name as the report lists it, e.g. "Certificate found".</summary>
    public abstract string Name { get; }

    public abstract Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken);
}
