using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Certificates;

namespace ExoJobRunner.Exchange.Tests.Certificates;

public sealed class SelfSignedCertificateFactoryTests
{
    private const string Sha256WithRsaOid = "1.2.840.113549.1.1.11";
    private const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";

    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    //          key size  years
    [InlineData(2048,     1)]
    [InlineData(3072,     2)]
    [InlineData(4096,     10)]
    public void Create_MakesAnRsaSha256ClientCertificate_OfTheGivenSizeAndValidity(int keySize, int years)
    {
        using var certificate = SelfSignedCertificateFactory.Create(Subject("CN=exojobs-factory-test, O=Contoso"), keySize, years, Now);

        Assert.Equal("CN=exojobs-factory-test, O=Contoso", certificate.Subject);
        Assert.Equal(certificate.Subject, certificate.Issuer);
        Assert.True(certificate.HasPrivateKey);
        using (var key = certificate.GetRSAPublicKey())
        {
            Assert.Equal(keySize, key!.KeySize);
        }

        Assert.Equal(Sha256WithRsaOid, certificate.SignatureAlgorithm.Value);
        Assert.Equal((Now - SelfSignedCertificateFactory.ClockSkewAllowance).UtcDateTime, certificate.NotBefore.ToUniversalTime());
        Assert.Equal(Now.AddYears(years).UtcDateTime, certificate.NotAfter.ToUniversalTime());
        Assert.Empty(CertificateValidator.Validate(certificate, Now));
    }

    [Fact]
    public void Create_LimitsTheKeyToSigningAsATlsClient()
    {
        using var certificate = SelfSignedCertificateFactory.Create(Subject("CN=exojobs-factory-test"), 2048, 1, Now);

        var keyUsage = Assert.Single(certificate.Extensions.OfType<X509KeyUsageExtension>());
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, keyUsage.KeyUsages);
        Assert.True(keyUsage.Critical);
        var enhancedKeyUsage = Assert.Single(certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Equal([ClientAuthenticationOid], enhancedKeyUsage.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(oid => oid.Value));
        var basicConstraints = Assert.Single(certificate.Extensions.OfType<X509BasicConstraintsExtension>());
        Assert.False(basicConstraints.CertificateAuthority);
    }

    [Fact]
    public void Create_GivesEveryCertificateItsOwnKeyAndSerialNumber()
    {
        using var first = SelfSignedCertificateFactory.Create(Subject("CN=exojobs-factory-test"), 2048, 1, Now);
        using var second = SelfSignedCertificateFactory.Create(Subject("CN=exojobs-factory-test"), 2048, 1, Now);

        Assert.NotEqual(first.Thumbprint, second.Thumbprint);
        Assert.NotEqual(first.SerialNumber, second.SerialNumber);
    }

    [Theory]
    //          key size  years
    [InlineData(1024,     1)]
    [InlineData(2049,     1)]
    [InlineData(2048,     0)]
    [InlineData(2048,     11)]
    public void Create_RefusesKeySizesAndLifetimesOutsideTheOfferedRange(int keySize, int years)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SelfSignedCertificateFactory.Create(Subject("CN=exojobs-factory-test"), keySize, years, Now));
    }

    private static CertificateSubject Subject(string text) =>
        CertificateSubject.TryParse(text, out var subject, out var error) ? subject : throw new ArgumentException(error, nameof(text));
}
