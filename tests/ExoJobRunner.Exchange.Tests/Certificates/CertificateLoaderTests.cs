using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Tests.Support;

namespace ExoJobRunner.Exchange.Tests.Certificates;

public sealed class CertificateLoaderTests : IDisposable
{
    private const string Password = "Corr3ct-Horse!";

    private readonly TemporaryDirectory directory = new();
    private readonly X509Certificate2 certificate = TestCertificates.Create(subject: "CN=exojobs-loader-test");
    private readonly List<string> environmentVariables = [];

    public void Dispose()
    {
        foreach (var variable in environmentVariables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        certificate.Dispose();
        directory.Dispose();
    }

    [Theory]
    [InlineData("environment")]
    [InlineData("file")]
    [InlineData("file with trailing newline")]
    public void Load_OpensPfx_WithPasswordFromReference(string passwordSource)
    {
        var pfx = WritePfx(Password);
        var reference = passwordSource switch
        {
            "environment" => PasswordInEnvironment(Password),
            "file" => PasswordInFile(Password),
            _ => PasswordInFile(Password + "\n"),
        };

        using var loaded = CertificateLoader.Load(new CertificateSource { PfxPath = pfx, PfxPassword = reference });

        Assert.Equal(certificate.Thumbprint, loaded.Thumbprint);
        Assert.True(loaded.HasPrivateKey);
    }

    [Fact]
    public void Load_OpensPfxWithoutPassword_WhenNoneIsConfigured()
    {
        var pfx = WritePfx(password: null);

        using var loaded = CertificateLoader.Load(new CertificateSource { PfxPath = pfx });

        Assert.True(loaded.HasPrivateKey);
    }

    [Fact]
    public void Load_ReportsWrongPfxPassword_NamingFileAndReference_WithoutEitherPassword()
    {
        var pfx = WritePfx(Password);
        var reference = PasswordInEnvironment("Wr0ng-Guess");

        var error = Assert.Throws<ExchangeConnectionException>(() =>
            CertificateLoader.Load(new CertificateSource { PfxPath = pfx, PfxPassword = reference }));

        Assert.Contains(pfx, error.Message, StringComparison.Ordinal);
        Assert.Contains(reference.EnvironmentVariable!, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Wr0ng-Guess", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unset variable", "is not set")]
    [InlineData("missing password file", "does not exist")]
    [InlineData("missing pfx", "does not exist")]
    public void Load_ReportsUnreadableInputs_NamingWhatIsMissing(string scenario, string expected)
    {
        var unsetVariable = $"EXOJOBS_TEST_UNSET_{Guid.NewGuid():N}";
        var absentPasswordFile = directory.File("absent-password.txt");
        var absentPfx = directory.File("absent.pfx");
        var (source, missing) = scenario switch
        {
            "unset variable" => (new CertificateSource { PfxPath = WritePfx(Password), PfxPassword = new SecretReference(unsetVariable, null) }, unsetVariable),
            "missing password file" => (new CertificateSource { PfxPath = WritePfx(Password), PfxPassword = new SecretReference(null, absentPasswordFile) }, absentPasswordFile),
            _ => (new CertificateSource { PfxPath = absentPfx, PfxPassword = PasswordInEnvironment(Password) }, absentPfx),
        };

        var error = Assert.Throws<ExchangeConnectionException>(() => CertificateLoader.Load(source));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Load_ReadsPemCertificateAndKey_FromSeparateOrCombinedFiles(bool separateKeyFile)
    {
        using var rsa = certificate.GetRSAPrivateKey()!;
        var certificatePem = certificate.ExportCertificatePem();
        var keyPem = rsa.ExportPkcs8PrivateKeyPem();
        var certificatePath = directory.File("app.pem");
        string? keyPath = null;
        if (separateKeyFile)
        {
            keyPath = directory.File("app.key");
            File.WriteAllText(certificatePath, certificatePem);
            File.WriteAllText(keyPath, keyPem);
        }
        else
        {
            File.WriteAllText(certificatePath, certificatePem + "\n" + keyPem);
        }

        using var loaded = CertificateLoader.Load(new CertificateSource { PemCertificatePath = certificatePath, PemKeyPath = keyPath });

        Assert.Equal(certificate.Thumbprint, loaded.Thumbprint);
        Assert.True(loaded.HasPrivateKey);
    }

    [Fact]
    public void Load_ReadsACertificateOnlyPem_WithoutItsKey_SoTheValidatorReportsTheMissingKey()
    {
        var certificatePath = directory.File("app.crt.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());

        using var loaded = CertificateLoader.Load(new CertificateSource { PemCertificatePath = certificatePath });

        Assert.Equal(certificate.Thumbprint, loaded.Thumbprint);
        Assert.False(loaded.HasPrivateKey);
        Assert.Contains(CertificateValidator.Validate(loaded, DateTimeOffset.UtcNow), finding => finding.Kind == CertificateFindingKind.NoPrivateKey);
    }

    [Theory]
    [InlineData("encrypted key", "encrypted")]
    [InlineData("key of another certificate", "matching")]
    [InlineData("no key", "matching")]
    public void Load_ReportsUnusablePemKey_WithTheFix(string scenario, string expected)
    {
        var certificatePath = directory.File("app.pem");
        var keyPath = directory.File("app.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        using var ownKey = certificate.GetRSAPrivateKey()!;
        using var otherKey = RSA.Create(1024);
        File.WriteAllText(keyPath, scenario switch
        {
            "encrypted key" => ownKey.ExportEncryptedPkcs8PrivateKeyPem(
                Password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)),
            "key of another certificate" => otherKey.ExportPkcs8PrivateKeyPem(),
            _ => string.Empty,
        });

        var error = Assert.Throws<ExchangeConnectionException>(() =>
            CertificateLoader.Load(new CertificateSource { PemCertificatePath = certificatePath, PemKeyPath = keyPath }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(keyPath, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(":")]
    [InlineData("\u200E")]
    public void Load_FindsCertificateInCurrentUserStore_ByThumbprintAsCopiedFromTools(string separator)
    {
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(certificate);
        try
        {
            var copied = separator == "\u200E"
                ? "\u200E" + certificate.Thumbprint.ToLowerInvariant()
                : string.Join(separator, certificate.Thumbprint.Chunk(2).Select(pair => new string(pair)));

            using var loaded = CertificateLoader.Load(new CertificateSource { Thumbprint = copied });

            Assert.Equal(certificate.Thumbprint, loaded.Thumbprint);
            Assert.True(loaded.HasPrivateKey);
        }
        finally
        {
            store.Remove(certificate);
        }
    }

    [Theory]
    //          source             where it was found
    [InlineData("pfx",             "PFX file {pfx} (password from environment variable {variable})")]
    [InlineData("pem with key",    "PEM file {pem} with key file {key}")]
    [InlineData("combined pem",    "PEM file {pem} (certificate and key)")]
    public void Locate_SaysWhichFilesTheCertificateCameFrom(string scenario, string expected)
    {
        var pfx = WritePfx(Password);
        var password = PasswordInEnvironment(Password);
        var pem = directory.File("app.pem");
        var key = directory.File("app.key");
        using (var rsa = certificate.GetRSAPrivateKey()!)
        {
            File.WriteAllText(pem, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(key, rsa.ExportPkcs8PrivateKeyPem());
        }

        var source = scenario switch
        {
            "pfx" => new CertificateSource { PfxPath = pfx, PfxPassword = password },
            "pem with key" => new CertificateSource { PemCertificatePath = pem, PemKeyPath = key },
            _ => new CertificateSource { PemCertificatePath = pem },
        };

        using var located = CertificateLoader.Locate(source);

        Assert.Equal(certificate.Thumbprint, located.Certificate.Thumbprint);
        Assert.Equal(
            expected.Replace("{pfx}", pfx, StringComparison.Ordinal).Replace("{variable}", password.EnvironmentVariable, StringComparison.Ordinal)
                .Replace("{pem}", pem, StringComparison.Ordinal).Replace("{key}", key, StringComparison.Ordinal),
            located.Origin);
    }

    [Theory]
    [InlineData(null, "CurrentUser\\My|LocalMachine\\My", null)]
    [InlineData(CertificateStoreScope.CurrentUser, "CurrentUser\\My", "LocalMachine")]
    [InlineData(CertificateStoreScope.LocalMachine, "LocalMachine\\My", null)]
    public void Load_ReportsMissingThumbprint_NamingEveryStoreSearched(CertificateStoreScope? scope, string searched, string? notSearched)
    {
        var thumbprint = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));

        var error = Assert.Throws<ExchangeConnectionException>(() =>
            CertificateLoader.Load(new CertificateSource { Thumbprint = thumbprint, Store = scope }));

        Assert.Contains(thumbprint, error.Message, StringComparison.Ordinal);
        Assert.All(searched.Split('|'), store => Assert.Contains(store, error.Message, StringComparison.Ordinal));
        if (notSearched is not null)
        {
            Assert.DoesNotContain(notSearched, error.Message, StringComparison.Ordinal);
        }

        if (scope != CertificateStoreScope.CurrentUser && !OperatingSystem.IsWindows())
        {
            Assert.Contains("LocalMachine\\My (not available on this platform", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("12AB")]
    [InlineData("not-a-thumbprint-at-all-not-a-thumbprint")]
    public void Load_RefusesMalformedThumbprint_SayingWhatAThumbprintIs(string thumbprint)
    {
        var error = Assert.Throws<ExchangeConnectionException>(() => CertificateLoader.Load(new CertificateSource { Thumbprint = thumbprint }));

        Assert.Contains("40 hexadecimal digits", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "No client certificate")]
    [InlineData(true, "exactly one")]
    public void Load_RequiresExactlyOneSource(bool both, string expected)
    {
        var source = both ? new CertificateSource { Thumbprint = certificate.Thumbprint, PfxPath = directory.File("a.pfx") } : new CertificateSource();

        var error = Assert.Throws<ExchangeConnectionException>(() => CertificateLoader.Load(source));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private string WritePfx(string? password)
    {
        var path = directory.File($"{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    private SecretReference PasswordInEnvironment(string password)
    {
        var variable = $"EXOJOBS_TEST_PFX_PASSWORD_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, password);
        environmentVariables.Add(variable);
        return new SecretReference(variable, null);
    }

    private SecretReference PasswordInFile(string content)
    {
        var path = directory.File($"{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, content);
        return new SecretReference(null, path);
    }
}
