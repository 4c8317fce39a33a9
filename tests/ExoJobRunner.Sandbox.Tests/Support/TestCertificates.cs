using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Sandbox.Tests.Support;

/// <summary>Client certificates made for a test run: RSA 2048 with private keys, never written to disk.</summary>
public static class TestCertificates
{
    public static X509Certificate2 Create(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }
}
