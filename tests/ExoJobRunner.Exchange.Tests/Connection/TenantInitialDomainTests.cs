using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Exchange.Tests.Connection;

public sealed class TenantInitialDomainTests
{
    [Theory]
    //          organization                              environment         kind
    [InlineData(null,                                     "O365Default",      "Missing")]
    [InlineData(" ",                                      "O365Default",      "Missing")]
    [InlineData("9f8b96b0-0000-4000-8000-000000000000",   "O365Default",      "TenantId")]
    [InlineData("contoso",                                "O365Default",      "NotADomain")]
    [InlineData("contoso.com",                            "O365Default",      "OtherDomain")]
    [InlineData("contoso.onmicrosoft.com",                "O365Default",      "InitialDomain")]
    [InlineData("CONTOSO.OnMicrosoft.com",                "O365Default",      "InitialDomain")]
    [InlineData("contoso.onmicrosoft.us",                 "O365Default",      "OtherDomain")]
    [InlineData("contoso.onmicrosoft.us",                 "O365USGovGCCHigh", "InitialDomain")]
    [InlineData("contoso.onmicrosoft.com",                "O365USGovDoD",     "InitialDomain")]
    [InlineData("contoso.partner.onmschina.cn",           "O365China",        "InitialDomain")]
    [InlineData("contoso.onmicrosoft.com",                "O365China",        "OtherDomain")]
    [InlineData("sandbox.onmicrosoft.com",                "Sandbox",          "InitialDomain")]
    public void Classify_TellsTheInitialDomainOfTheCloud_FromEverythingElse(string? organization, string environment, string kind) =>
        Assert.Equal(Enum.Parse<OrganizationDomainKind>(kind), TenantInitialDomain.Classify(organization, Enum.Parse<ExchangeEnvironment>(environment)));
}
