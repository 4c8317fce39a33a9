using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ExoJobRunner.Shared;

namespace ExoJobRunner.Exchange.Certificates;

/// <summary>
/// Writes a new certificate's files. Every file is first written completely to a temporary file beside it and only
/// then renamed into place, all of them together: a failure (a full disk, a file that appeared meanwhile) leaves no
/// half-written file and, when nothing was being replaced, none of the set. The PFX and the password file are
/// readable by the current user only from the moment they exist.
/// </summary>
public static class CertificateWriter
{
    /// <param name="certificate">The certificate, with its private key when a PFX is written.</param>
    /// <param name="files">Which files to write; <see cref="NewCertificateFiles.PfxPath"/> needs <paramref name="pfxPassword"/>.</param>
    /// <param name="pfxPassword">
    /// The PFX's password. The PFX is encrypted with PBES2 (AES-256-CBC, key from PBKDF2 with SHA-256) rather than the
    /// 3DES/RC2 that older exports use; Windows 10 1709+, OpenSSL 1.1.1+ and every current .NET read it.
    /// </param>
    /// <param name="overwrite">Replaces existing files; otherwise an existing file fails the whole write.</param>
    /// <exception cref="IOException">A file cannot be written; the message names it.</exception>
    public static void Write(X509Certificate2 certificate, NewCertificateFiles files, string? pfxPassword, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(files);
        if (files.PfxPath is not null && string.IsNullOrEmpty(pfxPassword))
        {
            throw new ArgumentException("A PFX file is always written with a password.", nameof(pfxPassword));
        }

        var contents = new List<(string Path, byte[] Bytes, bool OwnerOnly)>
        {
            (files.CertificatePath, certificate.Export(X509ContentType.Cert), false),
        };
        if (files.PfxPath is not null)
        {
            if (!certificate.HasPrivateKey)
            {
                throw new ArgumentException("A PFX file holds the private key, and this certificate has none.", nameof(certificate));
            }

            contents.Add((files.PfxPath, certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, pfxPassword), true));
        }

        if (files.PasswordPath is not null)
        {
            contents.Add((files.PasswordPath, Encoding.UTF8.GetBytes(pfxPassword!), true));
        }

        try
        {
            WriteTogether(contents, overwrite);
        }
        finally
        {
            foreach (var (_, bytes, _) in contents)
            {
                CryptographicOperations.ZeroMemory(bytes);
            }
        }
    }

    private static void WriteTogether(List<(string Path, byte[] Bytes, bool OwnerOnly)> contents, bool overwrite)
    {
        var staged = new List<(string Temporary, string Path)>();
        var placed = new List<string>();
        var current = contents[0].Path;
        try
        {
            foreach (var (path, bytes, ownerOnly) in contents)
            {
                current = path;
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
                staged.Add((temporary, path));
                using var stream = ownerOnly ? OwnerOnlyFile.CreateNew(temporary) : new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            foreach (var (temporary, path) in staged)
            {
                current = path;
                if (!overwrite && File.Exists(path))
                {
                    throw new IOException("it already exists; nothing was written.");
                }

                File.Move(temporary, path, overwrite);
                placed.Add(path);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            foreach (var (temporary, _) in staged)
            {
                File.Delete(temporary);
            }

            // Files that replaced older ones cannot be undone; files that are new are removed, so no partial set remains.
            if (!overwrite)
            {
                placed.ForEach(File.Delete);
            }

            throw new IOException($"Cannot write {current}: {exception.Message}", exception);
        }
    }
}
