using System.Security.Cryptography;
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
            Assert.NotEmpty(key.SignData([1, 2, 3], HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
        }
        finally
        {
            RemoveFromCurrentUserStore(certificate.Thumbprint);
        }
    }

    /// <summary>
    /// The platform condition, made explicit and probed rather than assumed: .NET has a LocalMachine\My store on Windows
    /// (on Linux it keeps just the Root and CA machine stores). Where .NET has none, LocalMachine is not offered and an
    /// import there is refused as unsupported, naming the store; where .NET has one, it is offered (writing to it needs
    /// administrator rights, so this test doesn't).
    /// </summary>
    [Fact]
    public void LocalMachineStore_IsOfferedExactlyWhereDotNetHasOne_AndAnImportThereIsRefusedElsewhere()
    {
        var dotNetHasTheStore = DotNetOpensLocalMachineMy();

        Assert.Equal(dotNetHasTheStore, CertificateStores.IsAvailable(CertificateStoreScope.LocalMachine));
        if (!dotNetHasTheStore)
        {
            using var certificate = NewCertificate();
            var error = Assert.Throws<PlatformNotSupportedException>(() => CertificateStoreImporter.Import(certificate, CertificateStoreScope.LocalMachine));
            Assert.Contains("LocalMachine\\My (not available on this platform", error.Message, StringComparison.Ordinal);
        }
    }

    private static bool DotNetOpensLocalMachineMy()
    {
        try
        {
            using var store = new X509Store(StoreName.My, StoreLocation.LocalMachine);
            store.Open(OpenFlags.ReadOnly);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
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
