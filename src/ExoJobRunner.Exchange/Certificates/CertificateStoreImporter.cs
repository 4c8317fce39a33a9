using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Exchange.Certificates;

/// <summary>Adds a new certificate with its private key to a personal ("My") store, where a thumbprint profile finds it.</summary>
public static class CertificateStoreImporter
{
    /// <exception cref="PlatformNotSupportedException">The store does not exist on this platform (see <see cref="CertificateStores.IsAvailable"/>).</exception>
    /// <exception cref="CryptographicException">The store refused the certificate, typically LocalMachine\My without administrator rights.</exception>
    public static void Import(X509Certificate2 certificate, CertificateStoreScope scope)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!CertificateStores.IsAvailable(scope))
        {
            throw new PlatformNotSupportedException(CertificateStores.Describe(scope));
        }

        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException("Only a certificate with its private key can sign token requests from a store.", nameof(certificate));
        }

        // A freshly created key lives in memory only (an ephemeral CNG key on Windows): adding that certificate to a
        // store would keep the certificate and lose the key. Loading it back from PKCS#12 with PersistKeySet writes
        // the key to the user's or the machine's key store, where the store entry points at it. Without Exportable,
        // Windows then refuses to hand the key out again.
        var transportPassword = PfxPasswordGenerator.Generate();
        var pfx = certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, transportPassword);
        try
        {
            var keySet = scope == CertificateStoreScope.CurrentUser ? X509KeyStorageFlags.UserKeySet : X509KeyStorageFlags.MachineKeySet;
            using var persisted = X509CertificateLoader.LoadPkcs12(pfx, transportPassword, X509KeyStorageFlags.PersistKeySet | keySet);
            using var store = new X509Store(StoreName.My, scope == CertificateStoreScope.CurrentUser ? StoreLocation.CurrentUser : StoreLocation.LocalMachine);
            store.Open(OpenFlags.ReadWrite);
            store.Add(persisted);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pfx);
        }
    }
}
