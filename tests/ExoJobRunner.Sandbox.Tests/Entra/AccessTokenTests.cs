using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExoJobRunner.Sandbox.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ExoJobRunner.Sandbox.Tests.Entra;

public sealed class AccessTokenTests
{
    [Fact]
    public async Task AccessToken_IsRefused_OnceItHasExpired_AndANewOneWorks()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await OwnSandbox.StartAsync(clock: clock);
        var token = await sandbox.TokenAsync();
        var fresh = await sandbox.Client.InvokeAsync(token, "Get-OrganizationConfig");

        clock.Advance(TimeSpan.FromMinutes(70));
        var expired = await sandbox.Client.InvokeAsync(token, "Get-OrganizationConfig");
        var renewed = await sandbox.Client.InvokeAsync(await sandbox.TokenAsync(), "Get-OrganizationConfig");

        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Equal("The access token has expired.", expired.ErrorMessage);
        Assert.Contains("error=\"invalid_token\"", expired.Header("WWW-Authenticate"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, renewed.Status);
    }

    [Fact]
    public async Task Assertion_IsJudgedBySandboxClock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(3));
        await using var sandbox = await OwnSandbox.StartAsync(clock: clock);
        var realTimeAssertion = sandbox.Client.Assertion(sandbox.Certificate, sandbox.Server.AppId, DateTimeOffset.UtcNow).Build();

        using var response = await sandbox.Client.RequestTokenAsync(sandbox.Client.TokenForm(sandbox.Server.AppId, realTimeAssertion));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("AADSTS700024", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessToken_FromAnotherSandbox_IsRefused_EvenForTheSameTenant()
    {
        await using var issuer = await OwnSandbox.StartAsync(seed: 9);
        await using var other = await OwnSandbox.StartAsync(seed: 9);

        var assertion = issuer.Client.Assertion(issuer.Certificate, issuer.Server.AppId).Build();
        using var granted = await issuer.Client.RequestTokenAsync(
            issuer.Client.TokenForm(issuer.Server.AppId, assertion, "https://outlook.office365.com/.default"));
        var token = (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();

        var response = await other.Client.InvokeAsync(token, "Get-OrganizationConfig");

        Assert.Equal(issuer.Server.TenantId, other.Server.TenantId);
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("The access token wasn't issued by this sandbox.", response.ErrorMessage);
    }
}
