using System.Globalization;
using ExoJobRunner.Doctor;
using ExoJobRunner.Exchange.Certificates;

namespace ExoJobRunner.Exchange.Diagnostics;

/// <summary>
/// The certificate is within its validity period; within <see cref="CertificateValidator.ExpiryWarningWindow"/> of its
/// end it passes with a warning that says how to rotate it without an outage.
/// </summary>
internal sealed class CertificateValidityCheck(ConnectionCheckContext context) : DoctorCheck
{
    public override string Name => "Not expired";

    public override Task<DoctorCheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var findings = context.CertificateFindings;
        if (findings.FirstOrDefault(finding => finding.Kind is CertificateFindingKind.Expired or CertificateFindingKind.NotYetValid) is { } invalid)
        {
            var summary = invalid.Kind == CertificateFindingKind.Expired ? "expired" : "not valid yet";
            return Task.FromResult(DoctorCheckResult.Failed(DoctorFailureKind.Authentication, summary, invalid.Cause, invalid.Fix));
        }

        var notAfter = new DateTimeOffset(context.RequireCertificate().NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var until = notAfter.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (findings.FirstOrDefault(finding => finding.Kind == CertificateFindingKind.ExpiresSoon) is { } soon)
        {
            return Task.FromResult(DoctorCheckResult.Warning($"expires soon, on {until}", soon.Cause, soon.Fix));
        }

        var days = (int)(notAfter - context.Options.Client.TimeProvider.GetUtcNow()).TotalDays;
        return Task.FromResult(DoctorCheckResult.Passed($"valid until {until} ({days.ToString(CultureInfo.InvariantCulture)} days left)"));
    }
}
