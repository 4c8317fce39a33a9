using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Sandbox.Credentials;

namespace ExoJobRunner.Sandbox.Tests.Credentials;

public sealed class SandboxClientCredentialTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "exojobs-sandbox-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void LoadOrCreate_CreatesOnce_ThenLoadsTheSameCertificate()
    {
        using var first = SandboxClientCredential.LoadOrCreate(folder);
        using var second = SandboxClientCredential.LoadOrCreate(folder);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Thumbprint, second.Thumbprint);
        Assert.True(second.Certificate.HasPrivateKey);
        Assert.Equal(Path.Combine(folder, SandboxClientCredential.FileName), second.StoredPath);
        Assert.True(second.Certificate.NotAfter > DateTime.Now.AddYears(1));
    }

    [Fact]
    public void LoadOrCreate_ReplacesAnUnreadableFile()
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, SandboxClientCredential.FileName), "not a pfx");

        using var credential = SandboxClientCredential.LoadOrCreate(folder);

        Assert.True(credential.Created);
        Assert.True(credential.Certificate.HasPrivateKey);
    }

    [Theory]
    //          file                           owner only
    [InlineData("client.pfx",                  true)]
    [InlineData("export/exojobs-sandbox.pfx",     true)]
    [InlineData("export/exojobs-sandbox.key.pem", true)]
    [InlineData("export/exojobs-sandbox.crt.pem", false)]
    public void FilesHoldingThePrivateKey_AreReadableByTheirOwnerOnly(string file, bool ownerOnly)
    {
        using var credential = SandboxClientCredential.LoadOrCreate(folder);
        var exportFolder = Path.Combine(folder, "export");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(exportFolder).FullName, "exojobs-sandbox.key.pem"), "an older export");

        credential.Export(exportFolder);

        var path = Path.Combine(folder, file.Replace('/', Path.DirectorySeparatorChar));
        if (OperatingSystem.IsWindows())
        {
            // Owner-only on Windows: an ACL that inherits nothing from the folder.
            Assert.Equal(ownerOnly, new FileInfo(path).GetAccessControl().AreAccessRulesProtected);
        }
        else
        {
            var mode = File.GetUnixFileMode(path);
            Assert.Equal(ownerOnly, (mode & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite)) == UnixFileMode.None);
        }

        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Export_WritesAPasswordlessPfxAndAPemPair_ThatLoadBack()
    {
        using var credential = SandboxClientCredential.LoadOrCreate(folder);
        var exportFolder = Path.Combine(folder, "export");

        var files = credential.Export(exportFolder);

        using var fromPfx = X509CertificateLoader.LoadPkcs12FromFile(files.PfxPath, null);
        using var fromPem = X509Certificate2.CreateFromPemFile(files.CertificatePemPath, files.PrivateKeyPemPath);
        Assert.Equal(credential.Thumbprint, fromPfx.Thumbprint);
        Assert.True(fromPfx.HasPrivateKey);
        Assert.Equal(credential.Thumbprint, fromPem.Thumbprint);
        Assert.True(fromPem.HasPrivateKey);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(files.PrivateKeyPemPath), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/data/exojobs", "/data/exojobs/sandbox")]
    [InlineData("relative", "relative/sandbox")]
    public void DataFolder_FollowsExojobsDataDir(string variable, string expectedSuffix)
    {
        var resolved = SandboxDataFolder.Resolve(name => name == SandboxDataFolder.Variable ? variable : null);

        Assert.EndsWith(expectedSuffix.Replace('/', Path.DirectorySeparatorChar), resolved, StringComparison.Ordinal);
        Assert.True(Path.IsPathRooted(resolved));
    }

    [Fact]
    public void DataFolder_DefaultsToLocalApplicationData()
    {
        var resolved = SandboxDataFolder.Resolve(_ => null);

        Assert.Equal(
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "exojobs", "sandbox"),
            resolved);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
