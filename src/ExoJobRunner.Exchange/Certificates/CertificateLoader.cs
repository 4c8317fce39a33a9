using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Exchange.Certificates;

/// <summary>
/// Loads a profile's client certificate from a store thumbprint, a PFX file or a PEM pair. Every failure is an
/// <see cref="ExchangeConnectionException"/> that says where it looked and what to do; passwords never appear in it.
/// The caller owns (and disposes) the returned certificate.
/// </summary>
public static class CertificateLoader
{
    private const int ThumbprintLength = 40;

    public static X509Certificate2 Load(CertificateSource source) => Locate(source).Certificate;

    /// <summary>Loads the certificate as <see cref="Load"/> does, and says where it was found (the store, or the files).</summary>
    public static LocatedCertificate Locate(CertificateSource source)
    {
        ArgumentNullException.ThrowIfNull(source);

        var configured = new[] { source.Thumbprint, source.PfxPath, source.PemCertificatePath }.Count(value => value is not null);
        if (configured == 0)
        {
            throw ExchangeConnectionException.Because(
                "No client certificate is configured.",
                "Give a certificate thumbprint (store), a PFX file or a PEM certificate file.");
        }

        if (configured > 1)
        {
            throw ExchangeConnectionException.Because(
                "More than one client certificate source is configured.",
                "Give exactly one of a thumbprint, a PFX file or a PEM certificate file.");
        }

        if (source.Thumbprint is { } thumbprint)
        {
            return LoadFromStore(thumbprint, source.Store);
        }

        if (source.PfxPath is { } pfxPath)
        {
            var passwordNote = source.PfxPassword is null ? string.Empty : $" (password from {source.PfxPassword})";
            return new LocatedCertificate(LoadFromPfx(pfxPath, source.PfxPassword), $"PFX file {pfxPath}{passwordNote}");
        }

        var pemPath = source.PemCertificatePath!;
        var keyNote = source.PemKeyPath is null ? " (certificate and key)" : $" with key file {source.PemKeyPath}";
        return new LocatedCertificate(LoadFromPem(pemPath, source.PemKeyPath), $"PEM file {pemPath}{keyNote}");
    }

    /// <summary>
    /// Thumbprints copied from the Windows certificate dialog or the Entra portal often carry spaces, colons or an
    /// invisible left-to-right mark (U+200E) that would make an exact match fail.
    /// </summary>
    internal static string NormalizeThumbprint(string thumbprint)
    {
        var kept = thumbprint.Where(character => !char.IsWhiteSpace(character) && character is not (':' or '-' or '\u200E' or '\u200F'));
        var normalized = string.Concat(kept).ToUpperInvariant();
        if (normalized.Length != ThumbprintLength || !normalized.All(char.IsAsciiHexDigit))
        {
            throw ExchangeConnectionException.Because(
                $"Certificate thumbprint '{thumbprint}' is not a SHA-1 thumbprint ({ThumbprintLength.ToString(CultureInfo.InvariantCulture)} hexadecimal digits).",
                "Copy the thumbprint shown by the certificate store or the app registration's Certificates & secrets page.");
        }

        return normalized;
    }

    private static LocatedCertificate LoadFromStore(string thumbprint, CertificateStoreScope? scope)
    {
        var normalized = NormalizeThumbprint(thumbprint);
        CertificateStoreScope[] scopes = scope is { } only ? [only] : [CertificateStoreScope.CurrentUser, CertificateStoreScope.LocalMachine];
        var searched = new List<string>();

        foreach (var candidate in scopes)
        {
            var found = FindInStore(normalized, candidate, out var searchNote);
            if (found is not null)
            {
                return new LocatedCertificate(found, CertificateStores.Describe(candidate));
            }

            searched.Add(searchNote);
        }

        throw ExchangeConnectionException.Because(
            $"No certificate with thumbprint {normalized} was found; searched {string.Join(" and ", searched)}.",
            "Import the certificate with its private key into that store, correct the thumbprint, or point the profile at a PFX or PEM file instead.");
    }

    private static X509Certificate2? FindInStore(string thumbprint, CertificateStoreScope scope, out string searchNote)
    {
        searchNote = CertificateStores.Describe(scope);
        if (!CertificateStores.IsAvailable(scope))
        {
            return null;
        }

        var location = scope == CertificateStoreScope.CurrentUser ? StoreLocation.CurrentUser : StoreLocation.LocalMachine;

        using var store = new X509Store(StoreName.My, location);
        try
        {
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        }
        catch (CryptographicException)
        {
            // OpenExistingOnly fails when nothing was ever imported: the store is simply empty.
            searchNote += ", which does not exist yet";
            return null;
        }

        var certificates = store.Certificates;
        X509Certificate2? match = null;
        foreach (var certificate in certificates)
        {
            if (match is null && string.Equals(certificate.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase))
            {
                match = certificate;
            }
            else
            {
                certificate.Dispose();
            }
        }

        return match;
    }

    private static X509Certificate2 LoadFromPfx(string path, SecretReference? passwordReference)
    {
        if (!File.Exists(path))
        {
            throw ExchangeConnectionException.Because($"PFX file {path} does not exist.", "Correct the path or copy the certificate there.");
        }

        var password = passwordReference is null ? null : SecretReader.Read(passwordReference, $"PFX file {path}");
        try
        {
            // Ephemeral keys are never written to disk; macOS cannot hold them, so it gets the default key set there.
            var flags = OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;
            return X509CertificateLoader.LoadPkcs12FromFile(path, password, flags);
        }
        catch (CryptographicException exception)
        {
            var advice = passwordReference is null
                ? "No password is configured: if the file has one, reference it from an environment variable or a file."
                : $"Check that the password in {passwordReference} is this file's password.";
            throw ExchangeConnectionException.Because(
                $"PFX file {path} could not be opened: it is not a PFX file or the password is wrong.", advice, exception);
        }
    }

    private static X509Certificate2 LoadFromPem(string certificatePath, string? keyPath)
    {
        if (!File.Exists(certificatePath))
        {
            throw ExchangeConnectionException.Because($"PEM certificate file {certificatePath} does not exist.", "Correct the path.");
        }

        if (keyPath is not null && !File.Exists(keyPath))
        {
            throw ExchangeConnectionException.Because($"PEM key file {keyPath} does not exist.", "Correct the path.");
        }

        var keyFile = keyPath ?? certificatePath;
        var keyText = File.ReadAllText(keyFile);
        if (keyText.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw ExchangeConnectionException.Because(
                $"The private key in {keyFile} is encrypted, which PEM profiles do not support.",
                "Use a PFX file with a password reference instead, or store the key unencrypted with permissions only the exojobs account can read.");
        }

        try
        {
            // A certificate-only PEM (the .crt half of a pair, given without key:) is loaded without a key, so that the
            // validator reports the missing private key and says where it goes, instead of a parse error.
            return keyPath is null && !keyText.Contains("PRIVATE KEY-----", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(keyText)
                : X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            throw ExchangeConnectionException.Because(
                $"Could not read a certificate and its private key from {certificatePath}" +
                (keyPath is null ? "." : $" and {keyPath}."),
                "The certificate file must hold a 'CERTIFICATE' PEM block and the key file a matching unencrypted 'PRIVATE KEY' " +
                "or 'RSA PRIVATE KEY' block.",
                exception);
        }
    }
}
