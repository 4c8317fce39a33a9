using System.Net;
using ExoJobRunner.Sandbox.Tests.Support;

namespace ExoJobRunner.Sandbox.Tests.AdminApi;

public sealed class AuthorizationTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Request_WithoutToken_Gets401WithBearerChallenge()
    {
        var response = await sandbox.Client.InvokeAsync(token: null, "Get-Mailbox");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        var challenge = response.Header("WWW-Authenticate");
        Assert.StartsWith("Bearer ", challenge, StringComparison.Ordinal);
        Assert.DoesNotContain("invalid_token", challenge, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(response.Header("request-id")));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJ0aWQiOiJ4In0.")]
    public async Task Request_WithUnreadableToken_Gets401InvalidToken(string token)
    {
        var response = await sandbox.Client.InvokeAsync(token, "Get-Mailbox");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Contains("error=\"invalid_token\"", response.Header("WWW-Authenticate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithTamperedToken_Gets401InvalidToken()
    {
        var token = await sandbox.TokenAsync();
        var parts = token.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA";

        var response = await sandbox.Client.InvokeAsync(tampered, "Get-Mailbox");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("The access token's signature is invalid.", response.ErrorMessage);
    }

    [Fact]
    public async Task App_WithoutManageAsApp_IsRefusedUnauthorized()
    {
        var response = await sandbox.Client.InvokeAsync(await sandbox.TokenAsync(SandboxFixture.NoPermissionAppId), "Get-Mailbox");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UnAuthorized", response.ErrorMessage);
    }

    [Theory]
    [InlineData(SandboxFixture.NoRoleAppId)]
    [InlineData(SandboxFixture.UnsupportedRoleAppId)]
    public async Task App_WithoutSupportedRole_IsRefusedWithExchangesRoleMessage(string appId)
    {
        var response = await sandbox.Client.InvokeAsync(await sandbox.TokenAsync(appId), "Get-Mailbox");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(
            $"The role assigned to application {appId} isn't supported in this scenario. Please check online documentation for "
            + "assigning correct Directory Roles to Azure AD Application for EXO App-Only Authentication.",
            response.ErrorMessage);
    }

    [Fact]
    public async Task ReadOnlyRole_MayRead()
    {
        var response = await sandbox.Client.InvokeAsync(await sandbox.TokenAsync(SandboxFixture.ReaderAppId), "Get-Mailbox", new { ResultSize = 1 });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Single(response.Value);
    }

    [Theory]
    [InlineData("Set-Mailbox")]
    [InlineData("Add-MailboxPermission")]
    [InlineData("Remove-DistributionGroupMember")]
    public async Task ReadOnlyRole_IsNotAllowedToWrite(string cmdlet)
    {
        var response = await sandbox.Client.InvokeAsync(
            await sandbox.TokenAsync(SandboxFixture.ReaderAppId), cmdlet, new { Identity = "anyone", CustomAttribute1 = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("Unauthorized", response.ErrorCode);
        Assert.Equal($"User is not allowed to call {cmdlet}", response.ErrorMessage);
    }

    [Theory]
    [InlineData("contoso.onmicrosoft.com")]
    [InlineData("3b3c2d1e-0000-4000-8000-000000000000")]
    public async Task Request_ForAnotherOrganization_IsRefused(string organization)
    {
        var response = await sandbox.Client.InvokeAsync(
            await sandbox.TokenAsync(), "Get-Mailbox", url: new Uri(sandbox.Server.BaseUri, $"adminapi/beta/{organization}/InvokeCommand").ToString());

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Contains(organization, response.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organization_MayBeGivenAsTenantId()
    {
        var response = await sandbox.Client.InvokeAsync(
            await sandbox.TokenAsync(), "Get-OrganizationConfig", url: new Uri(sandbox.Server.BaseUri, $"adminapi/beta/{sandbox.Server.TenantId}/InvokeCommand").ToString());

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }
}
