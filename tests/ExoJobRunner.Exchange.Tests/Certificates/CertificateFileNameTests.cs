using ExoJobRunner.Exchange.Certificates;

namespace ExoJobRunner.Exchange.Tests.Certificates;

public sealed class CertificateFileNameTests
{
    [Theory]
    //          common name                    file name
    [InlineData("exojobs-contoso",             "exojobs-contoso")]
    [InlineData("ExoJobRunner Contoso",        "ExoJobRunner-Contoso")]
    [InlineData("Contoso, Ltd / Exchange",     "Contoso-Ltd-Exchange")]
    [InlineData("app.contoso.com",             "app.contoso.com")]
    [InlineData("  ../etc/passwd",             "etc-passwd")]
    [InlineData("Zürich_ops",                  "Zürich_ops")]
    [InlineData("***",                         "")]
    public void FromCommonName_KeepsLettersDigitsAndSafePunctuation(string commonName, string expected)
    {
        Assert.Equal(expected, CertificateFileName.FromCommonName(commonName));
    }

    [Theory]
    [InlineData("exojobs-contoso", true)]
    [InlineData("app.contoso_2026", true)]
    [InlineData("", false)]
    [InlineData("..", false)]
    [InlineData("certs/app", false)]
    [InlineData("certs\\app", false)]
    [InlineData("app name", false)]
    public void IsValid_AcceptsOnlyPlainFileNames(string name, bool valid)
    {
        Assert.Equal(valid, CertificateFileName.IsValid(name, out var error));

        if (!valid)
        {
            Assert.Contains($"'{name}' is not a file name", error, StringComparison.Ordinal);
        }
    }
}
