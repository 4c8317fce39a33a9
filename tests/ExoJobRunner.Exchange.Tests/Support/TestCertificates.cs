using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Exchange.Tests.Support;

/// <summary>Real self-signed certificates made with <see cref="CertificateRequest"/>, as an administrator's tooling would.</summary>
internal static class TestCertificates
{
    // Generating RSA keys dominates test time on a busy machine; each size is generated once and imported afresh
    // for every certificate (an RSA instance is not shared between threads).
    private static readonly ConcurrentDictionary<int, Lazy<RSAParameters>> Keys = new();

    public static X509Certificate2 Create(
        int keySize = 2048,
        string hash = "SHA256",
        double validFromDays = -1,
        double validToDays = 365,
        string subject = "CN=exojobs-test")
    {
        using var rsa = RSA.Create(Keys.GetOrAdd(keySize, size => new Lazy<RSAParameters>(() => GenerateKey(size))).Value);
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

    private static RSAParameters GenerateKey(int keySize)
    {
        using var rsa = RSA.Create(keySize);
        return rsa.ExportParameters(includePrivateParameters: true);
    }

    /// <summary>The same certificate without its private key, as a .cer export would be.</summary>
    public static X509Certificate2 PublicPartOf(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
}
