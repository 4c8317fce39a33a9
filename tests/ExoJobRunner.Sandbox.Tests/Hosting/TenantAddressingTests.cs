using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExoJobRunner.Sandbox.Tests.Support;

namespace ExoJobRunner.Sandbox.Tests.Hosting;

/// <summary>Every URL that names the tenant takes its id (in any GUID format) and its initial domain, as Entra and Exchange do.</summary>
public sealed class TenantAddressingTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    public enum TenantName
    {
        Id,
        IdInBraces,
        InitialDomain,
        InitialDomainUpperCase,
    }

    [Theory]
    [InlineData(TenantName.Id)]
    [InlineData(TenantName.IdInBraces)]
    [InlineData(TenantName.InitialDomain)]
    [InlineData(TenantName.InitialDomainUpperCase)]
    public async Task EveryTenantUrl_AcceptsTheTenantIdAndTheInitialDomain(TenantName form)
    {
        var tenant = form switch
        {
            TenantName.Id => sandbox.Server.TenantId.ToString(),
            TenantName.IdInBraces => sandbox.Server.TenantId.ToString("B"),
            TenantName.InitialDomain => sandbox.Server.Organization,
            _ => sandbox.Server.Organization.ToUpperInvariant(),
        };
        Uri At(string path) => new(sandbox.Server.BaseUri, path.Replace("{tenant}", tenant, StringComparison.Ordinal));
        var http = sandbox.Client.Http;

        var v2 = await http.GetFromJsonAsync<JsonElement>(At("{tenant}/v2.0/.well-known/openid-configuration"));
        var v1 = await http.GetFromJsonAsync<JsonElement>(At("{tenant}/.well-known/openid-configuration"));
        using var keys = await http.GetAsync(At("{tenant}/discovery/v2.0/keys"));
        var assertion = sandbox.Client.Assertion(sandbox.Certificate, SandboxFixture.AdminAppId) with { Audience = At("{tenant}/oauth2/v2.0/token").ToString() };
        using var token = await sandbox.Client.RequestTokenAsync(sandbox.Client.TokenForm(SandboxFixture.AdminAppId, assertion.Build()), tenant);
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var invoke = await sandbox.Client.InvokeAsync(accessToken, "Get-OrganizationConfig", url: At("adminapi/beta/{tenant}/InvokeCommand").ToString());

        Assert.Equal(sandbox.Server.TokenEndpoint.ToString(), v2.GetProperty("token_endpoint").GetString());
        Assert.Equal(sandbox.Server.TokenEndpoint.ToString(), v1.GetProperty("token_endpoint").GetString());
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(HttpStatusCode.OK, invoke.Status);
        Assert.StartsWith($"{sandbox.Server.BaseUri}adminapi/beta/{tenant}/", invoke.Body.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
    }
}
