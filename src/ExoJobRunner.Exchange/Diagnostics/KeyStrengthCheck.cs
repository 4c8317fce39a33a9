using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Doctor;
using ExoJobRunner.Exchange.Certificates;

namespace ExoJobRunner.Exchange.Diagnostics;

/// <summary>
/// The key is one Entra ID accepts: RSA of at least <see cref="CertificateValidator.MinimumRsaKeySize"/> bits (a failure
/// otherwise, since Entra refuses it). A SHA-1 signature on the certificate only warns: Entra checks the key, not how
/// the certificate was signed.
/// </summary>
internal sealed class KeyStrengthCheck(ConnectionCheckContext context) : DoctorCheck
{
    public override string Name => "Key strength";

    public override Task<DoctorCheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var findings = context.CertificateFindings;
        if (findings.FirstOrDefault(finding => finding.Kind is CertificateFindingKind.WeakKey or CertificateFindingKind.NotRsaKey) is { } weak)
        {
            var summary = weak.Kind == CertificateFindingKind.WeakKey ? "RSA key too short" : "not an RSA key";
            return Task.FromResult(DoctorCheckResult.Failed(DoctorFailureKind.Authentication, summary, weak.Cause, weak.Fix));
        }

        var certificate = context.RequireCertificate();
        using var rsa = certificate.GetRSAPublicKey()
            ?? throw new InvalidOperationException("A key that is not RSA is a NotRsaKey finding, reported above.");
        var strength = $"RSA {rsa.KeySize.ToString(CultureInfo.InvariantCulture)}-bit, signed with " +
            (certificate.SignatureAlgorithm.FriendlyName ?? certificate.SignatureAlgorithm.Value);
        return Task.FromResult(findings.FirstOrDefault(finding => finding.Kind == CertificateFindingKind.Sha1Signature) is { } sha1
            ? DoctorCheckResult.Warning(strength, sha1.Cause, sha1.Fix)
            : DoctorCheckResult.Passed(strength));
    }
}
