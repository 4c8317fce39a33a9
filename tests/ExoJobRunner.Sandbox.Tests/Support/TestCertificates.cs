using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Sandbox.Tests.Support;

/// <summary>Client certificates made for a test run: RSA 2048 with private keys, never written to disk.</summary>
public static class TestCertificates
{
    private static readonly Lazy<X509Certificate2> SharedCertificate = new(() => Create("shared client"));
    private static readonly Lazy<X509Certificate2> UnregisteredCertificate = new(() => Create("unregistered"));

    /// <summary>One client certificate for the whole run, for tests whose point isn't the certificate: RSA keys are slow to make.</summary>
    public static X509Certificate2 Shared => SharedCertificate.Value;

    /// <summary>A second certificate that no sandbox app registers.</summary>
    public static X509Certificate2 Unregistered => UnregisteredCertificate.Value;

    public static X509Certificate2 Create(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }
}
