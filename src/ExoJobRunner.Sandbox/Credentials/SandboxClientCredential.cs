using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Shared;

namespace ExoJobRunner.Sandbox.Credentials;

/// <summary>
/// The client certificate sandbox profiles sign in with. It is created once (RSA 2048, SHA-256, valid two years) and kept
/// as a password-less PFX in the user's data folder, readable by the user only, so every run and every
/// <c>exojobs sandbox</c> presents the same thumbprint. It guards nothing but the local sandbox, which is why it needs no
/// password; it is never a credential for a real tenant.
/// </summary>
public sealed class SandboxClientCredential : IDisposable
{
    public const string FileName = "client.pfx";

    private static readonly TimeSpan Validity = TimeSpan.FromDays(730);

    /// <summary>Renew when less than this is left, so a credential never expires in the middle of a run.</summary>
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromDays(7);

    private SandboxClientCredential(X509Certificate2 certificate, string storedPath, bool created)
    {
        Certificate = certificate;
        StoredPath = storedPath;
        Created = created;
    }

    /// <summary><c>$EXOJOBS_DATA_DIR/sandbox</c> if set, else <c>LocalApplicationData/exojobs/sandbox</c>.</summary>
    public static string DefaultFolder => SandboxDataFolder.Resolve(Environment.GetEnvironmentVariable);

    /// <summary>The certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The SHA-1 thumbprint in upper-case hex, as Windows and the Exchange module show it.</summary>
    public string Thumbprint => Certificate.Thumbprint;

    /// <summary>The PFX file the credential is kept in.</summary>
    public string StoredPath { get; }

    /// <summary>Whether the credential was made now rather than loaded from an earlier run (first use, or the stored one was unreadable or near expiry).</summary>
    public bool Created { get; }

    /// <summary>Loads the credential from <paramref name="folder"/> (default <see cref="DefaultFolder"/>), creating it if needed.</summary>
    /// <exception cref="IOException">The folder can't be created or written.</exception>
    public static SandboxClientCredential LoadOrCreate(string? folder = null)
    {
        var directory = Path.GetFullPath(folder ?? DefaultFolder);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        if (TryLoad(path) is { } existing)
        {
            return new SandboxClientCredential(existing, path, created: false);
        }

        var temporary = Path.Combine(directory, $"{FileName}.{Guid.NewGuid():N}.tmp");
        using (var fresh = Create())
        using (var stream = OwnerOnlyFile.CreateNew(temporary))
        {
            stream.Write(fresh.Export(X509ContentType.Pkcs12));
        }

        try
        {
            // Replaces a file that exists but can't be used (unreadable, or about to expire).
            File.Move(temporary, path, overwrite: File.Exists(path));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process stored a credential between the check and the move: everyone uses that one.
            File.Delete(temporary);
        }

        var stored = TryLoad(path) ?? throw new IOException($"The sandbox credential written to '{path}' can't be read back.");
        return new SandboxClientCredential(stored, path, created: true);
    }

    /// <summary>
    /// Writes the credential to <paramref name="folder"/> for clients outside this process: <c>exojobs-sandbox.pfx</c>
    /// (no password), <c>exojobs-sandbox.crt.pem</c> and <c>exojobs-sandbox.key.pem</c> (PKCS#8). Existing files are replaced.
    /// </summary>
    public SandboxCredentialFiles Export(string folder)
    {
        var directory = Path.GetFullPath(folder);
        Directory.CreateDirectory(directory);
        var files = new SandboxCredentialFiles(
            Path.Combine(directory, "exojobs-sandbox.pfx"),
            Path.Combine(directory, "exojobs-sandbox.crt.pem"),
            Path.Combine(directory, "exojobs-sandbox.key.pem"));
        using var key = Certificate.GetRSAPrivateKey()
            ?? throw new InvalidOperationException("The sandbox credential has no private key.");
        WritePrivate(files.PfxPath, Certificate.Export(X509ContentType.Pkcs12));
        File.WriteAllText(files.CertificatePemPath, Certificate.ExportCertificatePem() + Environment.NewLine);
        WritePrivate(files.PrivateKeyPemPath, System.Text.Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem() + Environment.NewLine));
        return files;
    }

    public void Dispose() => Certificate.Dispose();

    private static X509Certificate2? TryLoad(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        X509Certificate2? certificate = null;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, null, X509KeyStorageFlags.Exportable);
            if (certificate.HasPrivateKey && certificate.NotAfter.ToUniversalTime() - DateTime.UtcNow > RenewalMargin)
            {
                return certificate;
            }
        }
        catch (CryptographicException)
        {
            // Unreadable: treated as absent, and replaced.
        }

        certificate?.Dispose();
        return null;
    }

    private static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=ExoJobRunner Sandbox Client", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now + Validity);
    }

    /// <summary>
    /// Writes a file only its owner can read, replacing any file at <paramref name="path"/>: it holds a private key. The
    /// content goes into a new owner-only file first (on Windows an ACL that inherits nothing from the folder), which then
    /// takes the path's place, so no one else can open it at any moment, and a reader never sees half of it.
    /// </summary>
    private static void WritePrivate(string path, byte[] content)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = OwnerOnlyFile.CreateNew(temporary))
            {
                stream.Write(content);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
