using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Exchange.Certificates;

/// <summary>
/// Checks a client certificate before any network call, so that a missing key or an expired certificate is reported
/// in plain words instead of as an opaque AADSTS error from the token endpoint.
/// </summary>
public static class CertificateValidator
{
    /// <summary>Entra ID refuses shorter RSA keys (AADSTS50032), so a weaker certificate can never sign in.</summary>
    public const int MinimumRsaKeySize = 2048;

    public static readonly TimeSpan ExpiryWarningWindow = TimeSpan.FromDays(30);

    /// <summary>
    /// How to replace a certificate without an outage: Entra ID accepts every certificate uploaded to an app, so the
    /// new one can be uploaded and tried while the old one still works.
    /// </summary>
    public const string RotationAdvice =
        "Create a replacement certificate ('exojobs cert new'), upload its public part (.cer) to the app registration under Certificates & secrets " +
        "next to the current one (Entra ID accepts both), point the profile at the new certificate, run 'exojobs doctor', " +
        "and then delete the old certificate from the app registration.";

    // sha1RSA, the older OIW sha1RSA, ecdsa-with-SHA1 and dsa-with-sha1.
    private static readonly HashSet<string> Sha1SignatureOids =
        ["1.2.840.113549.1.1.5", "1.3.14.3.2.29", "1.2.840.10045.4.1", "1.2.840.10040.4.3"];

    public static IReadOnlyList<CertificateFinding> Validate(X509Certificate2 certificate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(certificate);

        var findings = new List<CertificateFinding>();
        var name = Describe(certificate);
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);

        if (!certificate.HasPrivateKey)
        {
            findings.Add(Error(
                CertificateFindingKind.NoPrivateKey,
                $"{name} has no private key, so it cannot sign the token request.",
                "Use the PFX (or the PEM key file) that holds the key, not the exported .cer public part; " +
                "a certificate in a store must have been imported together with its key."));
        }

        if (now > notAfter)
        {
            findings.Add(Error(
                CertificateFindingKind.Expired,
                $"{name} expired on {Format(notAfter)}.",
                "Create a new certificate ('exojobs cert new'), upload its public part (.cer) to the app registration " +
                "(Certificates & secrets) and point the profile at it."));
        }
        else if (now < notBefore)
        {
            findings.Add(Error(
                CertificateFindingKind.NotYetValid,
                $"{name} is not valid before {Format(notBefore)}.",
                "Check this machine's clock, or wait until then."));
        }
        else if (notAfter - now <= ExpiryWarningWindow)
        {
            var days = (int)Math.Ceiling((notAfter - now).TotalDays);
            findings.Add(Warning(
                CertificateFindingKind.ExpiresSoon,
                $"{name} expires in {days.ToString(CultureInfo.InvariantCulture)} day(s), on {Format(notAfter)}.",
                RotationAdvice));
        }

        using (var rsa = certificate.GetRSAPublicKey())
        {
            if (rsa is null)
            {
                findings.Add(Error(
                    CertificateFindingKind.NotRsaKey,
                    $"{name} has a {certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value} key, not an RSA key; " +
                    "Entra ID only accepts client assertions signed with RSA (RS256 or PS256).",
                    $"Create an RSA certificate of at least {MinimumRsaKeySize.ToString(CultureInfo.InvariantCulture)} bits and upload it to the app registration."));
            }
            else if (rsa.KeySize < MinimumRsaKeySize)
            {
                findings.Add(Error(
                    CertificateFindingKind.WeakKey,
                    $"{name} has a {rsa.KeySize.ToString(CultureInfo.InvariantCulture)}-bit RSA key; Entra ID refuses keys shorter than " +
                    $"{MinimumRsaKeySize.ToString(CultureInfo.InvariantCulture)} bits (AADSTS50032).",
                    $"Create a certificate with an RSA key of at least {MinimumRsaKeySize.ToString(CultureInfo.InvariantCulture)} bits, " +
                    "upload its public part (.cer) to the app registration and point the profile at it."));
            }
        }

        if (certificate.SignatureAlgorithm.Value is { } oid && Sha1SignatureOids.Contains(oid))
        {
            findings.Add(Warning(
                CertificateFindingKind.Sha1Signature,
                $"{name} is signed with SHA-1, which is deprecated.",
                "Create its replacement with SHA-256."));
        }

        return findings;
    }

    /// <summary>How messages name a certificate: subject and thumbprint, which is what the Entra portal shows.</summary>
    internal static string Describe(X509Certificate2 certificate) =>
        $"Certificate '{certificate.Subject}' (thumbprint {certificate.Thumbprint})";

    private static string Format(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static CertificateFinding Error(CertificateFindingKind kind, string cause, string fix) =>
        new(kind, CertificateFindingSeverity.Error, cause, fix);

    private static CertificateFinding Warning(CertificateFindingKind kind, string cause, string fix) =>
        new(kind, CertificateFindingSeverity.Warning, cause, fix);
}
