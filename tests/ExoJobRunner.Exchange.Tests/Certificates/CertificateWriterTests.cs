using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Exchange.Tests.Support;

namespace ExoJobRunner.Exchange.Tests.Certificates;

public sealed class CertificateWriterTests : IDisposable
{
    private const string Password = "Gener4tedOrFromTheEnvironment";

    // DER encodings of the PBES2 and AES-256-CBC algorithm identifiers (1.2.840.113549.1.5.13, 2.16.840.1.101.3.4.1.42).
    private static readonly byte[] Pbes2Oid = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x05, 0x0D];
    private static readonly byte[] Aes256CbcOid = [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2A];

    private readonly TemporaryDirectory directory = new();
    private readonly X509Certificate2 certificate = TestCertificates.Create(subject: "CN=exojobs-writer-test");

    public void Dispose()
    {
        certificate.Dispose();
        directory.Dispose();
    }

    [Fact]
    public void Write_WritesAPfxThatOpensWithThePassword_AndHoldsThePrivateKey()
    {
        var files = NewCertificateFiles.For(directory.Path, "app", withPfx: true, withPasswordFile: true);

        CertificateWriter.Write(certificate, files, Password, overwrite: false);

        using var loaded = X509CertificateLoader.LoadPkcs12FromFile(files.PfxPath!, File.ReadAllText(files.PasswordPath!));
        Assert.Equal(certificate.Thumbprint, loaded.Thumbprint);
        Assert.True(loaded.HasPrivateKey);
        using var key = loaded.GetRSAPrivateKey()!;
        Assert.NotEmpty(key.SignData([1, 2, 3], HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
        Assert.Throws<CryptographicException>(() => X509CertificateLoader.LoadPkcs12FromFile(files.PfxPath!, "not-the-password"));
    }

    [Fact]
    public void Write_EncryptsThePfxWithPbes2Aes256()
    {
        var files = NewCertificateFiles.For(directory.Path, "app", withPfx: true, withPasswordFile: false);

        CertificateWriter.Write(certificate, files, Password, overwrite: false);

        var pfx = File.ReadAllBytes(files.PfxPath!);
        Assert.True(pfx.AsSpan().IndexOf(Pbes2Oid) >= 0, "PBES2 algorithm identifier");
        Assert.True(pfx.AsSpan().IndexOf(Aes256CbcOid) >= 0, "AES-256-CBC algorithm identifier");
    }

    [Fact]
    public void Write_WritesThePublicCertificateAsDer_WithoutThePrivateKey()
    {
        var files = NewCertificateFiles.For(directory.Path, "app", withPfx: false, withPasswordFile: false);

        CertificateWriter.Write(certificate, files, pfxPassword: null, overwrite: false);

        Assert.Equal(0x30, File.ReadAllBytes(files.CertificatePath)[0]);
        using var loaded = X509CertificateLoader.LoadCertificateFromFile(files.CertificatePath);
        Assert.Equal(certificate.Thumbprint, loaded.Thumbprint);
        Assert.False(loaded.HasPrivateKey);
        Assert.Equal([files.CertificatePath], Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void Write_StoresThePasswordExactly_InItsFile()
    {
        var files = NewCertificateFiles.For(directory.Path, "app", withPfx: true, withPasswordFile: true);

        CertificateWriter.Write(certificate, files, Password, overwrite: false);

        Assert.Equal(Password, File.ReadAllText(files.PasswordPath!));
    }

    [Theory]
    //          file                  owner only
    [InlineData(".pfx",               true)]
    [InlineData(".pfx.password",      true)]
    [InlineData(".cer",               false)]
    public void Write_MakesThePfxAndPasswordReadableByTheOwnerOnly(string extension, bool ownerOnly)
    {
        var files = NewCertificateFiles.For(directory.Path, "app", withPfx: true, withPasswordFile: true);

        CertificateWriter.Write(certificate, files, Password, overwrite: false);

        var path = directory.File("app" + extension);
        if (OperatingSystem.IsWindows())
        {
            var rules = new FileInfo(path).GetAccessControl();
            Assert.Equal(ownerOnly, rules.AreAccessRulesProtected);
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if (ownerOnly)
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        }
        else
        {
            // A public certificate gets the usual permissions (whatever the umask allows).
            Assert.True(mode.HasFlag(UnixFileMode.UserRead));
            Assert.False(mode.HasFlag(UnixFileMode.OtherWrite));
        }
    }

    [Theory]
    [InlineData(".cer")]
    [InlineData(".pfx")]
    [InlineData(".pfx.password")]
    public void Write_RefusesToReplaceAnExistingFile_AndWritesNoneOfTheSet(string existing)
    {
        var files = NewCertificateFiles.For(directory.Path, "app", withPfx: true, withPasswordFile: true);
        var existingPath = directory.File("app" + existing);
        File.WriteAllText(existingPath, "kept");

        var error = Assert.Throws<IOException>(() => CertificateWriter.Write(certificate, files, Password, overwrite: false));

        Assert.Contains(existingPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal("kept", File.ReadAllText(existingPath));
        Assert.Equal([existingPath], Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void Write_LeavesNoFileOfTheSetBehind_WhenTheLastCannotBePlaced()
    {
        var files = NewCertificateFiles.For(directory.Path, "app", withPfx: true, withPasswordFile: true);
        Directory.CreateDirectory(files.PasswordPath!);

        var error = Assert.Throws<IOException>(() => CertificateWriter.Write(certificate, files, Password, overwrite: false));

        Assert.StartsWith($"Cannot write {files.PasswordPath}: ", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void Write_ReplacesExistingFiles_WhenAskedTo()
    {
        var files = NewCertificateFiles.For(directory.Path, "app", withPfx: true, withPasswordFile: true);
        foreach (var path in files.All)
        {
            File.WriteAllText(path, "old");
        }

        CertificateWriter.Write(certificate, files, Password, overwrite: true);

        using var loaded = X509CertificateLoader.LoadPkcs12FromFile(files.PfxPath!, Password);
        Assert.Equal(certificate.Thumbprint, loaded.Thumbprint);
        Assert.Equal(Password, File.ReadAllText(files.PasswordPath!));
        Assert.Equal(files.All.Order(StringComparer.Ordinal), Directory.GetFiles(directory.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_CreatesTheOutputFolder()
    {
        var files = NewCertificateFiles.For(Path.Combine(directory.Path, "certs", "contoso"), "app", withPfx: true, withPasswordFile: false);

        CertificateWriter.Write(certificate, files, Password, overwrite: false);

        Assert.True(File.Exists(files.CertificatePath));
        Assert.True(File.Exists(files.PfxPath));
    }

    [Fact]
    public void Write_RefusesAPfxWithoutPassword()
    {
        var files = NewCertificateFiles.For(directory.Path, "app", withPfx: true, withPasswordFile: false);

        Assert.Throws<ArgumentException>(() => CertificateWriter.Write(certificate, files, pfxPassword: "", overwrite: false));
        Assert.Empty(Directory.GetFiles(directory.Path));
    }
}
