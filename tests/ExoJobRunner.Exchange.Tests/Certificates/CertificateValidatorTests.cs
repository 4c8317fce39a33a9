using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Exchange.Tests.Support;

namespace ExoJobRunner.Exchange.Tests.Certificates;

public sealed class CertificateValidatorTests
{
    [Theory]
    //          key   hash      from   to    findings
    [InlineData(2048, "SHA256", -1,    365,  "")]
    [InlineData(2048, "SHA256", -400,  -1,   "Expired")]
    [InlineData(2048, "SHA256", 2,     365,  "NotYetValid")]
    [InlineData(2048, "SHA256", -1,    10,   "ExpiresSoon")]
    [InlineData(2048, "SHA256", -1,    29.5, "ExpiresSoon")]
    [InlineData(2048, "SHA256", -1,    45,   "")]
    [InlineData(1024, "SHA256", -1,    365,  "WeakKey")]
    [InlineData(2048, "SHA1",   -1,    365,  "Sha1Signature")]
    [InlineData(1024, "SHA1",   -1,    5,    "ExpiresSoon,WeakKey,Sha1Signature")]
    [InlineData(2048, "SHA384", -1,    365,  "")]
    public void Validate_ReportsExactlyTheProblemsOfTheCertificate(int keySize, string hash, double validFromDays, double validToDays, string expected)
    {
        using var certificate = TestCertificates.Create(keySize, hash, validFromDays, validToDays);

        var findings = CertificateValidator.Validate(certificate, DateTimeOffset.UtcNow);

        Assert.Equal(expected, string.Join(",", findings.Select(finding => finding.Kind)));
    }

    [Theory]
    [InlineData(CertificateFindingKind.Expired, CertificateFindingSeverity.Error)]
    [InlineData(CertificateFindingKind.ExpiresSoon, CertificateFindingSeverity.Warning)]
    public void Validate_ClassifiesExpiryBySeverity(CertificateFindingKind kind, CertificateFindingSeverity severity)
    {
        using var certificate = kind == CertificateFindingKind.Expired
            ? TestCertificates.Create(validFromDays: -30, validToDays: -2)
            : TestCertificates.Create(validToDays: 3);

        var finding = Assert.Single(CertificateValidator.Validate(certificate, DateTimeOffset.UtcNow));

        Assert.Equal(kind, finding.Kind);
        Assert.Equal(severity, finding.Severity);
        Assert.Contains(certificate.Thumbprint, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RSA 1024", CertificateFindingKind.WeakKey, "at least 2048 bits")]
    [InlineData("ECDSA P-256", CertificateFindingKind.NotRsaKey, "RSA certificate")]
    public void Validate_RefusesKeysEntraRefuses_AsErrorsThatSayWhatToCreate(string key, CertificateFindingKind kind, string fix)
    {
        using var certificate = key == "RSA 1024" ? TestCertificates.Create(keySize: 1024) : CreateEcdsaCertificate();

        var finding = Assert.Single(CertificateValidator.Validate(certificate, DateTimeOffset.UtcNow));

        Assert.Equal(kind, finding.Kind);
        Assert.Equal(CertificateFindingSeverity.Error, finding.Severity);
        Assert.Contains(certificate.Thumbprint, finding.Cause, StringComparison.Ordinal);
        Assert.Contains(fix, finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReportsMissingPrivateKey_AsErrorThatSaysWhichFileToUse()
    {
        using var withKey = TestCertificates.Create();
        using var publicOnly = TestCertificates.PublicPartOf(withKey);

        var finding = Assert.Single(CertificateValidator.Validate(publicOnly, DateTimeOffset.UtcNow));

        Assert.Equal(CertificateFindingKind.NoPrivateKey, finding.Kind);
        Assert.Equal(CertificateFindingSeverity.Error, finding.Severity);
        Assert.Contains("no private key", finding.Message, StringComparison.Ordinal);
        Assert.Contains(".cer", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CountsDaysUntilExpiry_AgainstTheGivenClock()
    {
        using var certificate = TestCertificates.Create(validFromDays: -1, validToDays: 365);
        var now = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero).AddDays(-7);

        var finding = Assert.Single(CertificateValidator.Validate(certificate, now));

        Assert.Equal(CertificateFindingKind.ExpiresSoon, finding.Kind);
        Assert.Contains("expires in 7 day(s)", finding.Message, StringComparison.Ordinal);
    }

    private static X509Certificate2 CreateEcdsaCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new CertificateRequest("CN=exojobs-ecdsa", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(365));
    }
}
