using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Exchange.Tests.Support;

/// <summary>
/// Signs certificates with sha1WithRSAEncryption, which <see cref="CertificateRequest"/> no longer offers, so that
/// the validator can be shown a genuinely SHA-1-signed certificate like those older tooling still produces.
/// </summary>
internal sealed class Sha1RsaSignatureGenerator(RSA key) : X509SignatureGenerator
{
    // DER of AlgorithmIdentifier { sha1WithRSAEncryption (1.2.840.113549.1.1.5), NULL }.
    private static readonly byte[] Sha1WithRsaAlgorithmIdentifier =
        [0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x05, 0x05, 0x00];

    private readonly X509SignatureGenerator publicKeySource = CreateForRSA(key, RSASignaturePadding.Pkcs1);

    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm) => Sha1WithRsaAlgorithmIdentifier;

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) =>
        key.SignData(data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);

    protected override PublicKey BuildPublicKey() => publicKeySource.PublicKey;
}
