using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Exchange.Tests.Support;

/// <summary>Real self-signed certificates made with <see cref="CertificateRequest"/>, as an administrator's tooling would.</summary>
internal static class TestCertificates
{
    public static X509Certificate2 Create(
        int keySize = 2048,
        string hash = "SHA256",
        double validFromDays = -1,
        double validToDays = 365,
        string subject = "CN=exojobs-test")
    {
        using var rsa = RSA.Create(keySize);
        var now = DateTimeOffset.UtcNow;
        var notBefore = now.AddDays(validFromDays);
        var notAfter = now.AddDays(validToDays);
        if (hash != "SHA1")
        {
            return new CertificateRequest(subject, rsa, new HashAlgorithmName(hash), RSASignaturePadding.Pkcs1).CreateSelfSigned(notBefore, notAfter);
        }

        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
        using var publicOnly = request.Create(request.SubjectName, new Sha1RsaSignatureGenerator(rsa), notBefore, notAfter, RandomNumberGenerator.GetBytes(16));
        return publicOnly.CopyWithPrivateKey(rsa);
    }

    /// <summary>The same certificate without its private key, as a .cer export would be.</summary>
    public static X509Certificate2 PublicPartOf(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
}
