using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Sandbox.Registration;

/// <summary>
/// The public half of a registered certificate, indexed the two ways client assertions name it: <c>x5t</c> (SHA-1
/// thumbprint) and <c>x5t#S256</c> (SHA-256 thumbprint).
/// </summary>
internal sealed class RegisteredKey
{
    private readonly byte[] subjectPublicKeyInfo;

    public RegisteredKey(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey()
            ?? throw new ArgumentException($"Certificate '{certificate.Subject}' has no RSA key; Entra client assertions are signed with RSA.", nameof(certificate));
        subjectPublicKeyInfo = rsa.ExportSubjectPublicKeyInfo();
        Sha1Thumbprint = certificate.GetCertHash();
        Sha256Thumbprint = certificate.GetCertHash(HashAlgorithmName.SHA256);
        NotBefore = certificate.NotBefore.ToUniversalTime();
        NotAfter = certificate.NotAfter.ToUniversalTime();
    }

    public byte[] Sha1Thumbprint { get; }

    public byte[] Sha256Thumbprint { get; }

    public DateTime NotBefore { get; }

    public DateTime NotAfter { get; }

    public bool Matches(ReadOnlySpan<byte> thumbprint) =>
        thumbprint.SequenceEqual(Sha256Thumbprint) || thumbprint.SequenceEqual(Sha1Thumbprint);

    public RSA CreatePublicKey()
    {
        var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        return rsa;
    }
}
