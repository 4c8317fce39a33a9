using ExoJobRunner.Exchange.Certificates;

namespace ExoJobRunner.Exchange.Tests.Certificates;

public sealed class CertificateSubjectTests
{
    [Theory]
    //          subject                                   common name
    [InlineData("CN=exojobs-contoso",                     "exojobs-contoso")]
    [InlineData("  CN=exojobs-contoso ",                  "exojobs-contoso")]
    [InlineData("CN=ExoJobRunner Contoso, O=Contoso",     "ExoJobRunner Contoso")]
    [InlineData("O=Contoso, CN=exojobs",                  "exojobs")]
    [InlineData("cn=lower-case-attribute",                "lower-case-attribute")]
    [InlineData("CN=\"Contoso, Ltd\"",                    "Contoso, Ltd")]
    public void TryParse_AcceptsDistinguishedNamesWithACommonName(string text, string commonName)
    {
        Assert.True(CertificateSubject.TryParse(text, out var subject, out var error), error);

        Assert.Equal(commonName, subject.CommonName);
        Assert.Empty(error);
    }

    [Theory]
    //          subject                    what the message says
    [InlineData("",                        "the subject is empty; give a distinguished name such as CN=exojobs-contoso")]
    [InlineData("   ",                     "the subject is empty")]
    [InlineData("exojobs-contoso",         "'exojobs-contoso' is not a distinguished name; did you mean CN=exojobs-contoso?")]
    [InlineData("XX=exojobs",              "'XX=exojobs' is not a distinguished name: write attribute=value parts")]
    [InlineData("CN=a,,",                  "'CN=a,,' is not a distinguished name")]
    [InlineData("O=Contoso",               "'O=Contoso' has no CN (common name)")]
    [InlineData("CN=",                     "'CN=' has an empty CN")]
    [InlineData("CN=" + LongName,          "is 65 characters long; X.509 allows at most 64")]
    public void TryParse_RefusesSubjects_SayingWhatIsWrong(string text, string expected)
    {
        Assert.False(CertificateSubject.TryParse(text, out var subject, out var error));

        Assert.Null(subject);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    private const string LongName = "a123456789b123456789c123456789d123456789e123456789f123456789g1234";
}
