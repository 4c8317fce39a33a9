using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Exchange.Certificates;

/// <summary>What <c>exojobs cert show</c> tells about a certificate, computed against a given clock.</summary>
public sealed record CertificateSummary
{
    public required string Subject { get; init; }

    public required string Issuer { get; init; }

    /// <summary>Issued by itself, as certificates made for app registrations usually are.</summary>
    public required bool IsSelfSigned { get; init; }

    /// <summary>The SHA-1 thumbprint in upper-case hex, as the Entra portal and the certificate stores show it.</summary>
    public required string Thumbprint { get; init; }

    public required DateTimeOffset NotBefore { get; init; }

    public required DateTimeOffset NotAfter { get; init; }

    /// <summary>
    /// Days until <see cref="NotAfter"/>, counting a started day as a whole one as <see cref="CertificateValidator"/>
    /// does (a certificate made today for a year has 365, one that ends in three hours has 1); once it has expired,
    /// minus the days since, counted the same way.
    /// </summary>
    public required int DaysLeft { get; init; }

    /// <summary>RSA, ECDSA, DSA, or the key's algorithm identifier when it is none of these.</summary>
    public required string KeyAlgorithm { get; init; }

    /// <summary>The key size in bits, when the algorithm has one this platform can read.</summary>
    public required int? KeySize { get; init; }

    /// <summary>The signature algorithm's usual name (<c>sha256RSA</c>), or its identifier.</summary>
    public required string SignatureAlgorithm { get; init; }

    public required bool HasPrivateKey { get; init; }

    public static CertificateSummary Of(X509Certificate2 certificate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(certificate);

        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var (algorithm, size) = DescribeKey(certificate);
        return new CertificateSummary
        {
            Subject = certificate.Subject,
            Issuer = certificate.Issuer,
            IsSelfSigned = certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData),
            Thumbprint = certificate.Thumbprint,
            NotBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            NotAfter = notAfter,
            DaysLeft = notAfter > now ? (int)Math.Ceiling((notAfter - now).TotalDays) : (int)Math.Floor((notAfter - now).TotalDays),
            KeyAlgorithm = algorithm,
            KeySize = size,
            SignatureAlgorithm = certificate.SignatureAlgorithm.FriendlyName ?? certificate.SignatureAlgorithm.Value ?? "unknown",
            HasPrivateKey = certificate.HasPrivateKey,
        };
    }

    private static (string Algorithm, int? Size) DescribeKey(X509Certificate2 certificate)
    {
        using (var rsa = certificate.GetRSAPublicKey())
        {
            if (rsa is not null)
            {
                return ("RSA", rsa.KeySize);
            }
        }

        using (var ecdsa = certificate.GetECDsaPublicKey())
        {
            if (ecdsa is not null)
            {
                return ("ECDSA", ecdsa.KeySize);
            }
        }

        using (var dsa = certificate.GetDSAPublicKey())
        {
            if (dsa is not null)
            {
                return ("DSA", dsa.KeySize);
            }
        }

        var oid = certificate.PublicKey.Oid;
        return (oid.FriendlyName ?? oid.Value ?? "unknown", null);
    }
}
