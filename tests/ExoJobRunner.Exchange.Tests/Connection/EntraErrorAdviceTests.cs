using ExoJobRunner.Exchange.Authentication;
using Microsoft.Identity.Client;

namespace ExoJobRunner.Exchange.Tests.Connection;

public sealed class EntraErrorAdviceTests
{
    [Theory]
    [InlineData("AADSTS700016: Application with identifier 'app' was not found in the directory 'contoso'.", "AADSTS700016", "was not found in tenant contoso.onmicrosoft.com")]
    [InlineData("AADSTS700027: Client assertion contains an invalid signature.", "AADSTS700027", "Upload this certificate's public part")]
    [InlineData("AADSTS90002: Tenant 'contoso.com' not found.", "AADSTS90002", "*.onmicrosoft.com")]
    [InlineData("AADSTS65001: The user or administrator has not consented.", "AADSTS65001", "grant admin consent")]
    [InlineData("AADSTS50000: There was an error issuing a token.", "AADSTS50000", "Entra ID refused the token request")]
    public void Translate_GivesPlainAdvice_AndKeepsEntrasCause(string entraMessage, string code, string advice)
    {
        var exception = new MsalServiceException("invalid_client", entraMessage + " Trace ID: 1 Correlation ID: 2 Timestamp: 2025-01-01");

        var translated = EntraErrorAdvice.Translate(exception, "app", "contoso.onmicrosoft.com", "AB12");

        Assert.Equal(code, translated.ErrorCode);
        Assert.Contains(advice, translated.Message, StringComparison.Ordinal);
        Assert.Contains(entraMessage, translated.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Trace ID", translated.Message, StringComparison.Ordinal);
    }
}
