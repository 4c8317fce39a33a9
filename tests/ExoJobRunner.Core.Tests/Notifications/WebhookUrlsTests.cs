using ExoJobRunner.Core.Notifications;

namespace ExoJobRunner.Core.Tests.Notifications;

/// <summary>Which URLs a webhook accepts, and that a logged URL keeps nothing that authenticates.</summary>
public sealed class WebhookUrlsTests
{
    [Theory]
    [InlineData("https://hooks.slack.com/services/T000/B000/XXXXXXXX",                          "https://hooks.slack.com/…")]
    [InlineData("https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers?sig=xyz", "https://prod-12.westeurope.logic.azure.com/…")]
    [InlineData("http://127.0.0.1:5080/hook?token=s3cret",                                       "http://127.0.0.1:5080/…")]
    [InlineData("https://ops:hunter2@hooks.example.com/x",                                        "https://hooks.example.com/…")]
    [InlineData("https://hooks.example.com",                                                      "https://hooks.example.com/")]
    [InlineData("https://hooks.example.com/#fragment",                                            "https://hooks.example.com/…")]
    public void Redact_KeepsSchemeHostAndPortOnly(string url, string expected)
    {
        Assert.True(WebhookUrls.TryParse(url, out var parsed));

        Assert.Equal(expected, WebhookUrls.Redact(parsed));
    }

    [Theory]
    [InlineData("ftp://files.example.com/drop")]
    [InlineData("hooks.example.com/exojobs")]
    [InlineData("/hooks/exojobs")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://")]
    [InlineData("")]
    public void TryParse_RefusesWhatCannotBePostedTo(string url)
    {
        Assert.False(WebhookUrls.TryParse(url, out _));
    }
}
