using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Certificates;

namespace ExoJobRunner.Exchange.Tests.Certificates;

public sealed class CertificateStoreImporterTests
{
    [Fact]
    public void Import_PutsTheCertificateWithItsKey_WhereAThumbprintProfileFindsIt()
    {
        using var certificate = NewCertificate();
        try
        {
            CertificateStoreImporter.Import(certificate, CertificateStoreScope.CurrentUser);

            using var located = CertificateLoader.Locate(new CertificateSource { Thumbprint = certificate.Thumbprint });
            Assert.Equal(certificate.Thumbprint, located.Certificate.Thumbprint);
            Assert.True(located.Certificate.HasPrivateKey);
            Assert.StartsWith("CurrentUser\\My", located.Origin, StringComparison.Ordinal);
            using var key = located.Certificate.GetRSAPrivateKey()!;
            Assert.NotEmpty(key.SignData([1, 2, 3], System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pss));
        }
        finally
        {
            RemoveFromCurrentUserStore(certificate.Thumbprint);
        }
    }

    [Fact]
    public void Import_RefusesLocalMachine_WhereThePlatformHasNoSuchStore()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var certificate = NewCertificate();

        var error = Assert.Throws<PlatformNotSupportedException>(() => CertificateStoreImporter.Import(certificate, CertificateStoreScope.LocalMachine));

        Assert.Contains("LocalMachine\\My (not available on this platform", error.Message, StringComparison.Ordinal);
    }

    private static X509Certificate2 NewCertificate()
    {
        Assert.True(CertificateSubject.TryParse($"CN=exojobs-import-test-{Guid.NewGuid():N}", out var subject, out var error), error);
        return SelfSignedCertificateFactory.Create(subject, SelfSignedCertificateFactory.DefaultKeySize, 1, DateTimeOffset.UtcNow);
    }

    private static void RemoveFromCurrentUserStore(string thumbprint)
    {
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        foreach (var entry in store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false))
        {
            store.Remove(entry);
            entry.Dispose();
        }
    }
}
