using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExoJobRunner.Sandbox.Registration;
using ExoJobRunner.Sandbox.Tests.Support;

namespace ExoJobRunner.Sandbox.Tests.Hosting;

public sealed class SandboxServerOptionsTests
{
    public enum BadOption
    {
        NegativePort,
        PortTooHigh,
        NegativeMailboxes,
        TooManyMailboxes,
        NotAnInitialDomain,
        NoApps,
        AppIdNotAGuid,
        AppWithoutCertificate,
        DuplicateApp,
    }

    [Theory]
    [InlineData(BadOption.NegativePort, "Port", "must be from 0 (any free port) to 65535, not -1")]
    [InlineData(BadOption.PortTooHigh, "Port", "not 70000")]
    [InlineData(BadOption.NegativeMailboxes, "Mailboxes", "must be from 0 to 1,000,000, not -5")]
    [InlineData(BadOption.TooManyMailboxes, "Mailboxes", "not 1000001")]
    [InlineData(BadOption.NotAnInitialDomain, "Organization", "must be a *.onmicrosoft.com domain such as sandbox.onmicrosoft.com, not 'contoso.com'")]
    [InlineData(BadOption.NoApps, "Apps", "must register at least one app")]
    [InlineData(BadOption.AppIdNotAGuid, "Apps", "app id 'my-app' isn't a GUID")]
    [InlineData(BadOption.AppWithoutCertificate, "Apps", "has no certificate")]
    [InlineData(BadOption.DuplicateApp, "Apps", "is registered twice")]
    public async Task StartAsync_RefusesBadOptions_NamingTheOption(BadOption bad, string option, string message)
    {
        var good = new SandboxServerOptions { Apps = [SandboxAppRegistration.ForCertificate(TestCertificates.Shared)] };
        var options = bad switch
        {
            BadOption.NegativePort => good with { Port = -1 },
            BadOption.PortTooHigh => good with { Port = 70_000 },
            BadOption.NegativeMailboxes => good with { Mailboxes = -5 },
            BadOption.TooManyMailboxes => good with { Mailboxes = 1_000_001 },
            BadOption.NotAnInitialDomain => good with { Organization = "contoso.com" },
            BadOption.NoApps => good with { Apps = [] },
            BadOption.AppIdNotAGuid => good with { Apps = [SandboxAppRegistration.ForCertificate(TestCertificates.Shared, "my-app")] },
            BadOption.AppWithoutCertificate => good with { Apps = [new SandboxAppRegistration { AppId = SandboxAppRegistration.DefaultAppId, Certificates = [] }] },
            _ => good with { Apps = [.. good.Apps, .. good.Apps] },
        };

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(options));

        Assert.Equal(option, failure.ParamName);
        Assert.StartsWith($"Sandbox option {option} ", failure.Message, StringComparison.Ordinal);
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_OnAPortInUse_SaysWhichPortAndWhatToDo()
    {
        await using var first = await OwnSandbox.StartAsync();

        var failure = await Assert.ThrowsAsync<IOException>(() => SandboxServer.StartAsync(
            new SandboxServerOptions { Port = first.Server.BaseUri.Port, Apps = [SandboxAppRegistration.ForCertificate(TestCertificates.Shared)] }));

        Assert.Contains($"127.0.0.1:{first.Server.BaseUri.Port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Choose another port, or 0 for any free one.", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Everything the server says about itself gets a client through: the authority's metadata names the token endpoint,
    /// the token endpoint grants a token for the scope over TLS that presents exactly <c>ServerCertificate</c>, and the
    /// InvokeCommand URI runs a cmdlet with it over a tenant of <c>MailboxCount</c> mailboxes.
    /// </summary>
    [Fact]
    public async Task StartedServer_DescribesHowToReachIt_AndEachAddressWorks()
    {
        await using var sandbox = await OwnSandbox.StartAsync();
        var server = sandbox.Server;
        var http = sandbox.Client.Http;

        var metadata = await http.GetFromJsonAsync<JsonElement>(new Uri(server.AuthorityUri, "v2.0/.well-known/openid-configuration"));
        var assertion = new ClientAssertion { Certificate = sandbox.Certificate, AppId = server.AppId, Audience = server.TokenEndpoint.ToString() };
        using var tokenResponse = await http.PostAsync(server.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = server.AppId,
            ["scope"] = server.Scope,
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion.Build(),
        }));
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var mailboxes = await sandbox.Client.AllPagesAsync(token!, "Get-Mailbox", new { ResultSize = "Unlimited" }, maxPageSize: 1000);
        var organization = await sandbox.Client.InvokeAsync(token, "Get-OrganizationConfig", url: server.InvokeCommandUri.ToString());

        Assert.Equal(("https", "127.0.0.1"), (server.BaseUri.Scheme, server.BaseUri.Host));
        Assert.Equal(server.TokenEndpoint.ToString(), metadata.GetProperty("token_endpoint").GetString());
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, organization.Status);
        Assert.Equal(server.Organization, organization.Value[0].GetProperty("Name").GetString());
        Assert.Equal(server.MailboxCount, mailboxes.Sum(page => page.Value.Count));
        Assert.Equal(50, server.MailboxCount);
        Assert.Equal(SandboxAppRegistration.DefaultAppId, server.AppId);
        Assert.False(server.ServerCertificate.HasPrivateKey);
    }
}
