using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Exchange.Tests.Support;

namespace ExoJobRunner.Exchange.Tests.Certificates;

public sealed class CertificateSummaryTests
{
    [Fact]
    public void Of_DescribesSubjectThumbprintValidityKeyAndSignature()
    {
        using var certificate = TestCertificates.Create(keySize: 3072, hash: "SHA384", subject: "CN=exojobs-summary-test, O=Contoso");

        var summary = CertificateSummary.Of(certificate, DateTimeOffset.UtcNow);

        Assert.Equal("CN=exojobs-summary-test, O=Contoso", summary.Subject);
        Assert.Equal(summary.Subject, summary.Issuer);
        Assert.True(summary.IsSelfSigned);
        Assert.Equal(certificate.Thumbprint, summary.Thumbprint);
        Assert.Matches("^[0-9A-F]{40}$", summary.Thumbprint);
        Assert.Equal(certificate.NotBefore.ToUniversalTime(), summary.NotBefore.UtcDateTime);
        Assert.Equal(certificate.NotAfter.ToUniversalTime(), summary.NotAfter.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, summary.NotAfter.Offset);
        Assert.Equal("RSA", summary.KeyAlgorithm);
        Assert.Equal(3072, summary.KeySize);
        Assert.Equal("sha384RSA", summary.SignatureAlgorithm);
        Assert.True(summary.HasPrivateKey);
    }

    [Theory]
    //          days from expiry  days left
    [InlineData(-365.0,           365)]
    [InlineData(-100.5,           101)]
    [InlineData(-1.0,             1)]
    [InlineData(-0.125,           1)]
    [InlineData(0.5,              -1)]
    [InlineData(3.2,              -4)]
    public void Of_CountsStartedDaysLeft_NegativeOnceExpired(double daysFromExpiry, int daysLeft)
    {
        using var certificate = TestCertificates.Create();
        var expiry = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);

        var summary = CertificateSummary.Of(certificate, expiry.AddDays(daysFromExpiry));

        Assert.Equal(daysLeft, summary.DaysLeft);
    }

    [Fact]
    public void Of_NamesAnEcdsaKeyAndItsCurveSize()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=exojobs-ecdsa-test", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        var summary = CertificateSummary.Of(certificate, DateTimeOffset.UtcNow);

        Assert.Equal("ECDSA", summary.KeyAlgorithm);
        Assert.Equal(256, summary.KeySize);
        Assert.Equal("sha256ECDSA", summary.SignatureAlgorithm);
    }

    [Fact]
    public void Of_ReportsAPublicOnlyCertificate_AsHavingNoPrivateKey()
    {
        using var withKey = TestCertificates.Create();
        using var publicOnly = TestCertificates.PublicPartOf(withKey);

        Assert.False(CertificateSummary.Of(publicOnly, DateTimeOffset.UtcNow).HasPrivateKey);
    }
}
