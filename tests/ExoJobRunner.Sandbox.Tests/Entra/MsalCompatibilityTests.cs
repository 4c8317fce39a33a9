using System.Net;
using ExoJobRunner.Sandbox.Tests.Support;
using Microsoft.Identity.Client;

namespace ExoJobRunner.Sandbox.Tests.Entra;

/// <summary>MSAL.NET, configured as the GUIDE describes for the sandbox, gets a token the admin API accepts.</summary>
public sealed class MsalCompatibilityTests
{
    [Fact]
    public async Task Msal_AcquiresTokenForClient_ThatTheAdminApiAccepts()
    {
        await using var sandbox = await OwnSandbox.StartAsync();
        var msal = ConfidentialClientApplicationBuilder.Create(sandbox.Server.AppId)
            .WithCertificate(sandbox.Certificate)
            .WithAuthority(sandbox.Server.AuthorityUri.ToString(), validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new SandboxHttpClientFactory(sandbox.Client.Http))
            .Build();

        var result = await msal.AcquireTokenForClient([sandbox.Server.Scope]).ExecuteAsync();
        var response = await sandbox.Client.InvokeAsync(result.AccessToken, "Get-Mailbox", new { ResultSize = 3 });

        Assert.Equal(TokenSource.IdentityProvider, result.AuthenticationResultMetadata.TokenSource);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(3, response.Value.Count);
    }

    private sealed class SandboxHttpClientFactory(HttpClient client) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }
}
