using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Exchange.Certificates;

namespace ExoJobRunner.Core.Tests.Configuration;

public sealed class CertificateYamlTests
{
    [Theory]
    //          source               written as
    [InlineData("thumbprint",        "{ thumbprint: 0123456789ABCDEF0123456789ABCDEF01234567 }")]
    [InlineData("thumbprint+store",  "{ thumbprint: 0123456789ABCDEF0123456789ABCDEF01234567, store: CurrentUser }")]
    [InlineData("pfx+file",          "{ path: certs/app.pfx, password: { file: certs/app.pfx.password } }")]
    [InlineData("pfx+env",           "{ path: certs/app.pfx, password: { env: EXO_PFX_PASSWORD } }")]
    [InlineData("pem+key",           "{ pem: certs/app.crt.pem, key: certs/app.key.pem }")]
    [InlineData("pfx outside",       "{ path: {outside}/app.pfx, password: { file: {outside}/app.pfx.password } }")]
    [InlineData("odd names",         "{ path: 'certs/Contoso, Ltd #1.pfx', password: { file: 'certs/it''s {here}: yes' } }")]
    public void Format_WritesWhatTheLoaderReadsBackAsTheSameSource(string scenario, string expected)
    {
        using var folder = new ConfigFolder();
        var outside = Path.Combine(Path.GetTempPath(), "exojobs-certificate-yaml-" + Guid.NewGuid().ToString("N"));
        var source = scenario switch
        {
            "thumbprint" => new CertificateSource { Thumbprint = "0123456789ABCDEF0123456789ABCDEF01234567" },
            "thumbprint+store" => new CertificateSource { Thumbprint = "0123456789ABCDEF0123456789ABCDEF01234567", Store = CertificateStoreScope.CurrentUser },
            "pfx+file" => new CertificateSource { PfxPath = folder.PathOf("certs/app.pfx"), PfxPassword = new SecretReference(null, folder.PathOf("certs/app.pfx.password")) },
            "pfx+env" => new CertificateSource { PfxPath = folder.PathOf("certs/app.pfx"), PfxPassword = new SecretReference("EXO_PFX_PASSWORD", null) },
            "pem+key" => new CertificateSource { PemCertificatePath = folder.PathOf("certs/app.crt.pem"), PemKeyPath = folder.PathOf("certs/app.key.pem") },
            "pfx outside" => new CertificateSource { PfxPath = Path.Combine(outside, "app.pfx"), PfxPassword = new SecretReference(null, Path.Combine(outside, "app.pfx.password")) },
            _ => new CertificateSource { PfxPath = folder.PathOf("certs/Contoso, Ltd #1.pfx"), PfxPassword = new SecretReference(null, folder.PathOf("certs/it's {here}: yes")) },
        };

        var yaml = CertificateYaml.Format(source, folder.Root);

        Assert.Equal(expected.Replace("{outside}", outside, StringComparison.Ordinal), yaml);
        folder.Write(ConfigFolder.ConfigFileName, $"""
            profiles:
              contoso:
                appId: 3f2a1c4e-1111-4222-8333-944445555666
                organization: contoso.onmicrosoft.com
                certificate: {yaml}
            defaults:
              profile: contoso
            """);
        folder.WithJobUnlessPresent();
        var result = folder.Load();
        Assert.True(result.Configuration is not null, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(source, result.Configuration.Profiles["contoso"].Certificate);
    }
}
