using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Exchange.Tests.Connection;

public sealed class ExchangeCloudTests
{
    [Theory]
    [InlineData(ExchangeEnvironment.O365Default,      "https://login.microsoftonline.com/contoso.onmicrosoft.com", "https://outlook.office365.com/",    "https://outlook.office365.com/.default")]
    [InlineData(ExchangeEnvironment.O365USGovGCCHigh, "https://login.microsoftonline.us/contoso.onmicrosoft.com",  "https://outlook.office365.us/",     "https://outlook.office365.us/.default")]
    [InlineData(ExchangeEnvironment.O365USGovDoD,     "https://login.microsoftonline.us/contoso.onmicrosoft.com",  "https://outlook-dod.office365.us/", "https://outlook-dod.office365.us/.default")]
    [InlineData(ExchangeEnvironment.O365China,        "https://login.chinacloudapi.cn/contoso.onmicrosoft.com",    "https://partner.outlook.cn/",       "https://partner.outlook.cn/.default")]
    public void For_GivesEachCloudsAuthorityExchangeHostAndScope(ExchangeEnvironment environment, string authority, string exchange, string scope)
    {
        var cloud = ExchangeCloud.For(environment);

        Assert.Equal(new Uri(authority), cloud.AuthorityFor("contoso.onmicrosoft.com"));
        Assert.Equal(new Uri(exchange), cloud.ExchangeBaseUri);
        Assert.Equal(scope, cloud.Scope);
    }

    [Fact]
    public void For_RefusesTheSandbox_WhoseHostsComeFromTheRunningServer()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExchangeCloud.For(ExchangeEnvironment.Sandbox));
    }
}
