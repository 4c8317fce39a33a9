using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Exchange.Certificates;

/// <summary>
/// Creates the self-signed client certificate an app registration authenticates with: RSA, signed with SHA-256 and
/// PKCS#1 v1.5 (sha256RSA, what Entra and every Exchange tool accept), usable only for signing as a TLS client.
/// </summary>
public static class SelfSignedCertificateFactory
{
    public const int DefaultKeySize = 2048;

    public const int DefaultYears = 1;

    /// <summary>
    /// Entra accepts longer-lived certificates, but a credential that outlives the people who know where it is kept
    /// is a risk; rotating yearly is the practice this tool encourages, and ten years is the most it makes.
    /// </summary>
    public const int MaximumYears = 10;

    /// <summary>
    /// Starting a little in the past keeps a machine whose clock runs a few minutes behind Entra's from presenting
    /// a certificate that is not yet valid.
    /// </summary>
    public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(10);

    /// <summary>RSA sizes offered: at least <see cref="CertificateValidator.MinimumRsaKeySize"/>, and sizes every platform's key store holds.</summary>
    public static IReadOnlyList<int> KeySizes { get; } = [2048, 3072, 4096];

    // id-kp-clientAuth: the certificate proves the app's identity to a server, as the token request does.
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2", "Client Authentication");

    /// <summary>A new certificate with its private key, valid from <paramref name="now"/> (less the clock skew allowance) for <paramref name="years"/> years.</summary>
    public static X509Certificate2 Create(CertificateSubject subject, int keySize, int years, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!KeySizes.Contains(keySize))
        {
            throw new ArgumentOutOfRangeException(
                nameof(keySize), keySize, $"the key size must be one of {string.Join(", ", KeySizes.Select(size => size.ToString(CultureInfo.InvariantCulture)))} bits");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(years, MaximumYears);

        using var key = RSA.Create(keySize);
        var request = new CertificateRequest(subject.DistinguishedName, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ClientAuthentication], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        var utcNow = now.ToUniversalTime();
        return request.CreateSelfSigned(utcNow - ClockSkewAllowance, utcNow.AddYears(years));
    }
}
