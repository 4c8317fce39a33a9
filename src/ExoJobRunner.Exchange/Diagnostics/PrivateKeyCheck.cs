using ExoJobRunner.Doctor;
using ExoJobRunner.Exchange.Certificates;

namespace ExoJobRunner.Exchange.Diagnostics;

/// <summary>The certificate comes with its private key: without it no token request can be signed.</summary>
internal sealed class PrivateKeyCheck(ConnectionCheckContext context) : DoctorCheck
{
    public override string Name => "Private key";

    public override Task<DoctorCheckResult> RunAsync(CancellationToken cancellationToken) =>
        Task.FromResult(
            context.CertificateFindings.FirstOrDefault(finding => finding.Kind == CertificateFindingKind.NoPrivateKey) is { } missing
                ? DoctorCheckResult.Failed(DoctorFailureKind.Authentication, "missing", missing.Cause, missing.Fix)
                : DoctorCheckResult.Passed("present"));
}
