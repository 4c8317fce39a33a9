using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Tests.Support;

namespace ExoJobRunner.Exchange.Tests.Connection;

/// <summary>Profiles that must fail while connecting, before any request leaves the machine.</summary>
public sealed class ExchangeSessionPoolConnectErrorTests : IDisposable
{
    private const string AppId = "1b730954-1685-4b74-9bfd-dac224a7b894";

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData(null, "contoso.onmicrosoft.com", "has no app id")]
    [InlineData("exojobs-app", "contoso.onmicrosoft.com", "is not a GUID")]
    [InlineData(AppId, null, "has no organization")]
    [InlineData(AppId, "9f8b96b0-0000-4000-8000-000000000000", "not the tenant id")]
    [InlineData(AppId, "contoso", "is not a domain")]
    public async Task GetSession_RefusesIncompleteProfile_NamingProfileAndFix(string? appId, string? organization, string expected)
    {
        var settings = new ExchangeConnectionSettings("prod", ExchangeEnvironment.O365Default, appId, organization, new CertificateSource { PfxPath = WritePfx(validToDays: 365) });

        var error = await ConnectFailsAsync(settings);

        Assert.StartsWith("Profile 'prod'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("expired", "expired on")]
    [InlineData("missing file", "does not exist")]
    [InlineData("no certificate", "has no client certificate")]
    [InlineData("no private key", "has no private key")]
    public async Task GetSession_RefusesUnusableCertificate_BeforeAnyNetworkCall(string scenario, string expected)
    {
        var source = scenario switch
        {
            "expired" => new CertificateSource { PfxPath = WritePfx(validToDays: -1) },
            "missing file" => new CertificateSource { PfxPath = directory.File("absent.pfx") },
            "no certificate" => null,
            _ => new CertificateSource { PfxPath = WritePublicOnlyPfx() },
        };
        var settings = new ExchangeConnectionSettings("prod", ExchangeEnvironment.O365Default, AppId, "contoso.onmicrosoft.com", source);

        var error = await ConnectFailsAsync(settings);

        Assert.StartsWith("Profile 'prod'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSession_TriesAgainAfterAFailedConnect()
    {
        var pfx = directory.File("later.pfx");
        var settings = new ExchangeConnectionSettings("prod", ExchangeEnvironment.O365Default, AppId, "contoso.onmicrosoft.com", new CertificateSource { PfxPath = pfx });
        await using var pool = new ExchangeSessionPool();

        var first = await Assert.ThrowsAsync<ExchangeConnectionException>(() => pool.GetSessionAsync(settings));
        File.Copy(WritePfx(validToDays: -1), pfx);
        var second = await Assert.ThrowsAsync<ExchangeConnectionException>(() => pool.GetSessionAsync(settings));

        Assert.Contains("does not exist", first.Message, StringComparison.Ordinal);
        Assert.Contains("expired on", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSession_RefusesUse_AfterThePoolIsDisposed()
    {
        var pool = new ExchangeSessionPool();
        await pool.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            pool.GetSessionAsync(new ExchangeConnectionSettings("prod", ExchangeEnvironment.O365Default, AppId, "contoso.onmicrosoft.com", null)));
    }

    [Fact]
    public async Task GetSession_RefusesASandboxProfile_WhenTheHostRegisteredNoSandbox()
    {
        var settings = new ExchangeConnectionSettings("offline", ExchangeEnvironment.Sandbox, null, null, null, new SandboxOptions());

        var error = await ConnectFailsAsync(settings);

        Assert.StartsWith("Profile 'offline': this program cannot connect to environment Sandbox.", error.Message, StringComparison.Ordinal);
    }

    private static async Task<ExchangeConnectionException> ConnectFailsAsync(ExchangeConnectionSettings settings)
    {
        await using var pool = new ExchangeSessionPool();
        return await Assert.ThrowsAsync<ExchangeConnectionException>(() => pool.GetSessionAsync(settings));
    }

    private string WritePfx(double validToDays)
    {
        using var certificate = TestCertificates.Create(validFromDays: -30, validToDays: validToDays);
        var path = directory.File($"{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
        return path;
    }

    /// <summary>A PFX holding only the certificate, as exported by a tool that left the key behind.</summary>
    private string WritePublicOnlyPfx()
    {
        using var certificate = TestCertificates.Create();
        using var publicOnly = TestCertificates.PublicPartOf(certificate);
        var path = directory.File("public-only.pfx");
        File.WriteAllBytes(path, publicOnly.Export(X509ContentType.Pfx));
        return path;
    }
}
