using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExoJobRunner.Sandbox.Tests.Support;

namespace ExoJobRunner.Sandbox.Tests.Entra;

public sealed class TokenEndpointTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    public enum Refusal
    {
        UnknownTenant,
        UnknownApp,
        UnregisteredCertificate,
        BadSignature,
        WrongAudience,
        IssuerIsNotTheApp,
        ExpiredAssertion,
        AssertionNotYetValid,
        ScopeWithoutDefault,
        UnknownResource,
        NoAssertion,
        MalformedAssertion,
        WrongGrantType,
    }

    [Theory]
    [InlineData("PS256", false)]
    [InlineData("RS256", false)]
    [InlineData("PS256", true)]
    public async Task Token_IsGranted_ForAssertionSignedByRegisteredCertificate(string algorithm, bool exchangeOnlineScope)
    {
        var assertion = sandbox.Client.Assertion(sandbox.Certificate, SandboxFixture.AdminAppId) with { Algorithm = algorithm };
        var scope = exchangeOnlineScope ? "https://outlook.office365.com/.default" : sandbox.Server.Scope;

        using var response = await sandbox.Client.RequestTokenAsync(sandbox.Client.TokenForm(SandboxFixture.AdminAppId, assertion.Build(), scope));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 3000, 3600);
        var claims = Claims(body.GetProperty("access_token").GetString()!);
        Assert.Equal(SandboxFixture.AdminAppId, claims.GetProperty("appid").GetString());
        Assert.Equal(sandbox.Server.TenantId.ToString(), claims.GetProperty("tid").GetString());
        Assert.Equal(exchangeOnlineScope ? "https://outlook.office365.com" : sandbox.Server.Scope[..^"/.default".Length], claims.GetProperty("aud").GetString());
        Assert.Contains("Exchange.ManageAsApp", claims.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("29232cdf-9323-42fd-ade2-1d097af3e4de", claims.GetProperty("wids").EnumerateArray().Select(r => r.GetString()));
        Assert.True(DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64()) > DateTimeOffset.UtcNow.AddMinutes(50));
    }

    [Theory]
    [InlineData("sandbox.onmicrosoft.com")]
    [InlineData("SANDBOX.onmicrosoft.com")]
    [InlineData("sandbox.example")]
    public async Task Token_IsGranted_WhenTenantIsAddressedByDomain(string tenant)
    {
        var assertion = sandbox.Client.Assertion(sandbox.Certificate, SandboxFixture.AdminAppId) with { Audience = sandbox.Client.TokenEndpointFor(tenant) };

        using var response = await sandbox.Client.RequestTokenAsync(sandbox.Client.TokenForm(SandboxFixture.AdminAppId, assertion.Build()), tenant);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(NumericDateForm.WholeSeconds)]
    [InlineData(NumericDateForm.Fraction)]
    [InlineData(NumericDateForm.WholeSecondsString)]
    [InlineData(NumericDateForm.FractionString)]
    [InlineData(NumericDateForm.Exponent)]
    public async Task Token_IsGranted_ForNumericDatesInEveryFormTheyMayTake(NumericDateForm form)
    {
        var assertion = sandbox.Client.Assertion(sandbox.Certificate, SandboxFixture.AdminAppId) with { NumericDates = form };

        using var response = await sandbox.Client.RequestTokenAsync(sandbox.Client.TokenForm(SandboxFixture.AdminAppId, assertion.Build()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Outside nbf..exp (five minutes of skew allowed either way) is refused, however the times are written.</summary>
    [Theory]
    //          written as                      issued       lifetime (minutes)
    [InlineData(NumericDateForm.WholeSeconds,        60,          10)]
    [InlineData(NumericDateForm.Fraction,       60,          10)]
    [InlineData(NumericDateForm.WholeSecondsString,  60,          10)]
    [InlineData(NumericDateForm.FractionString, 60,          10)]
    [InlineData(NumericDateForm.Exponent,       60,          10)]
    [InlineData(NumericDateForm.Fraction,       6,           10)]
    [InlineData(NumericDateForm.WholeSeconds,        -60,         10)]
    [InlineData(NumericDateForm.Fraction,       -60,         10)]
    [InlineData(NumericDateForm.FractionString, -60,         10)]
    [InlineData(NumericDateForm.Fraction,       -16,         10)]
    public async Task Token_IsRefusedWith700024_OutsideTheAssertionsValidity(NumericDateForm form, int issuedMinutesFromNow, int lifetimeMinutes)
    {
        var assertion = sandbox.Client.Assertion(sandbox.Certificate, SandboxFixture.AdminAppId) with
        {
            NumericDates = form,
            IssuedAt = DateTimeOffset.UtcNow.AddMinutes(issuedMinutesFromNow),
            Lifetime = TimeSpan.FromMinutes(lifetimeMinutes),
        };

        using var response = await sandbox.Client.RequestTokenAsync(sandbox.Client.TokenForm(SandboxFixture.AdminAppId, assertion.Build()));

        await AssertRefusedAsync(response, 401, "invalid_client", 700024, "Client assertion is not within its valid time range");
    }

    [Theory]
    [InlineData("nbf", "\"soon\"")]
    [InlineData("nbf", "true")]
    [InlineData("nbf", "1e300")]
    [InlineData("exp", "\"\"")]
    [InlineData("exp", "[1795819367]")]
    public async Task Token_IsRefusedAsMalformed_WhenATimeClaimIsNoNumericDate(string claim, string value)
    {
        var good = sandbox.Client.Assertion(sandbox.Certificate, SandboxFixture.AdminAppId);
        var assertion = claim == "nbf" ? good with { RawNotBefore = JsonNode.Parse(value) } : good with { RawExpires = JsonNode.Parse(value) };

        using var response = await sandbox.Client.RequestTokenAsync(sandbox.Client.TokenForm(SandboxFixture.AdminAppId, assertion.Build()));

        await AssertRefusedAsync(response, 400, "invalid_request", 50027, "JWT token is invalid or malformed");
    }

    /// <summary>Public clients hard-code the real token endpoint as the assertion's audience, as Microsoft documents it.</summary>
    [Theory]
    [InlineData("https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token")]
    [InlineData("https://login.microsoftonline.com/sandbox.onmicrosoft.com/oauth2/v2.0/token")]
    [InlineData("https://LOGIN.microsoftonline.com/sandbox.example/oauth2/v2.0/token/")]
    public async Task Token_IsGranted_WhenTheAudienceIsTheTenantsRealTokenEndpoint(string audience)
    {
        var assertion = sandbox.Client.Assertion(sandbox.Certificate, SandboxFixture.AdminAppId) with
        {
            Audience = audience.Replace("{tenantId}", sandbox.Server.TenantId.ToString(), StringComparison.Ordinal),
        };

        using var response = await sandbox.Client.RequestTokenAsync(sandbox.Client.TokenForm(SandboxFixture.AdminAppId, assertion.Build()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.us/{tenantId}/oauth2/v2.0/token")]
    [InlineData("https://login.chinacloudapi.cn/sandbox.onmicrosoft.com/oauth2/v2.0/token")]
    [InlineData("https://login.microsoftonline.com/common/oauth2/v2.0/token")]
    [InlineData("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token")]
    [InlineData("https://login.microsoftonline.com/0d9b6e3c-1111-4222-8333-944455556666/oauth2/v2.0/token")]
    [InlineData("https://login.microsoftonline.com.example/{tenantId}/oauth2/v2.0/token")]
    public async Task Token_IsRefusedWith50012_WhenTheAudienceIsAnotherCloudsOrTenantsEndpoint(string audience)
    {
        var assertion = sandbox.Client.Assertion(sandbox.Certificate, SandboxFixture.AdminAppId) with
        {
            Audience = audience.Replace("{tenantId}", sandbox.Server.TenantId.ToString(), StringComparison.Ordinal),
        };

        using var response = await sandbox.Client.RequestTokenAsync(sandbox.Client.TokenForm(SandboxFixture.AdminAppId, assertion.Build()));

        await AssertRefusedAsync(response, 401, "invalid_client", 50012, "Client assertion audience claim does not match");
    }

    /// <summary>A sandbox standing for a sovereign cloud answers to that cloud's login host and Exchange resource only.</summary>
    [Theory]
    //          cloud                          login host                         Exchange resource                    other cloud's login host
    [InlineData(SandboxCloud.O365USGovGCCHigh, "https://login.microsoftonline.us", "https://outlook.office365.us",      "https://login.microsoftonline.com")]
    [InlineData(SandboxCloud.O365USGovDoD,     "https://login.microsoftonline.us", "https://outlook-dod.office365.us",  "https://login.chinacloudapi.cn")]
    [InlineData(SandboxCloud.O365China,        "https://login.chinacloudapi.cn",   "https://partner.outlook.cn",        "https://login.microsoftonline.us")]
    public async Task SovereignCloudSandbox_AcceptsItsOwnHosts_AndRefusesTheWorldwideOnes(SandboxCloud cloud, string loginHost, string resource, string otherLoginHost)
    {
        await using var own = await OwnSandbox.StartAsync(cloud: cloud);
        var assertion = own.Client.Assertion(own.Certificate, own.Server.AppId);
        string AtHost(string host, string tenant) => $"{host}/{tenant}/oauth2/v2.0/token";

        using var granted = await own.Client.RequestTokenAsync(
            own.Client.TokenForm(own.Server.AppId, (assertion with { Audience = AtHost(loginHost, own.Server.Organization) }).Build(), resource + "/.default"));
        using var otherHost = await own.Client.RequestTokenAsync(
            own.Client.TokenForm(own.Server.AppId, (assertion with { Audience = AtHost(otherLoginHost, own.Server.TenantId.ToString()) }).Build(), resource + "/.default"));
        using var worldwideResource = await own.Client.RequestTokenAsync(
            own.Client.TokenForm(own.Server.AppId, assertion.Build(), "https://outlook.office365.com/.default"));

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var token = (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        Assert.Equal(resource, Claims(token).GetProperty("aud").GetString());
        Assert.Equal(HttpStatusCode.OK, (await own.Client.InvokeAsync(token, "Get-OrganizationConfig")).Status);
        await AssertRefusedAsync(otherHost, 401, "invalid_client", 50012, "Client assertion audience claim does not match");
        await AssertRefusedAsync(worldwideResource, 400, "invalid_resource", 500011, "https://outlook.office365.com");
    }

    [Theory]
    [InlineData(Refusal.UnknownTenant, 400, "invalid_request", 90002, "Tenant 'contoso.onmicrosoft.com' not found")]
    [InlineData(Refusal.UnknownApp, 400, "unauthorized_client", 700016, "Application with identifier '0d9b6e3c-1111-4222-8333-944455556666' was not found in the directory 'Sandbox'")]
    [InlineData(Refusal.UnregisteredCertificate, 401, "invalid_client", 700027, "The certificate with identifier used to sign the client assertion is not registered on application")]
    [InlineData(Refusal.BadSignature, 401, "invalid_client", 700027, "Client assertion contains an invalid signature")]
    [InlineData(Refusal.WrongAudience, 401, "invalid_client", 50012, "Client assertion audience claim does not match")]
    [InlineData(Refusal.IssuerIsNotTheApp, 401, "invalid_client", 700021, "Client assertion application identifier doesn't match 'client_id'")]
    [InlineData(Refusal.ExpiredAssertion, 401, "invalid_client", 700024, "Client assertion is not within its valid time range")]
    [InlineData(Refusal.AssertionNotYetValid, 401, "invalid_client", 700024, "Client assertion is not within its valid time range")]
    [InlineData(Refusal.ScopeWithoutDefault, 400, "invalid_scope", 1002012, "Client credential flows must have a scope value with /.default")]
    [InlineData(Refusal.UnknownResource, 400, "invalid_resource", 500011, "The resource principal named https://graph.microsoft.com was not found")]
    [InlineData(Refusal.NoAssertion, 401, "invalid_client", 7000216, "'client_assertion', 'client_secret' or 'request' is required")]
    [InlineData(Refusal.MalformedAssertion, 400, "invalid_request", 50027, "JWT token is invalid or malformed")]
    [InlineData(Refusal.WrongGrantType, 400, "unsupported_grant_type", 70003, "unsupported grant type 'password'")]
    public async Task Token_IsRefusedLikeEntra(Refusal refusal, int status, string error, int code, string description)
    {
        var (form, tenant) = RefusedRequest(refusal);

        using var response = await sandbox.Client.RequestTokenAsync(form, tenant);

        await AssertRefusedAsync(response, status, error, code, description);
    }

    [Fact]
    public async Task Refusal_NeverEchoesTheAssertion()
    {
        var assertion = (sandbox.Client.Assertion(sandbox.Certificate, SandboxFixture.AdminAppId) with { IssuedAt = DateTimeOffset.UtcNow.AddHours(-2) }).Build();

        using var response = await sandbox.Client.RequestTokenAsync(sandbox.Client.TokenForm(SandboxFixture.AdminAppId, assertion));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(assertion.Split('.')[2], text, StringComparison.Ordinal);
        Assert.DoesNotContain(assertion.Split('.')[1], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenIdConfiguration_PointsAtTheTokenEndpoint()
    {
        var configuration = await sandbox.Client.Http.GetFromJsonAsync<JsonElement>(
            new Uri(sandbox.Server.BaseUri, $"{sandbox.Server.Organization}/v2.0/.well-known/openid-configuration"));

        Assert.Equal(sandbox.Server.TokenEndpoint.ToString(), configuration.GetProperty("token_endpoint").GetString());
        var keys = await sandbox.Client.Http.GetFromJsonAsync<JsonElement>(configuration.GetProperty("jwks_uri").GetString());
        Assert.Equal("RSA", keys.GetProperty("keys")[0].GetProperty("kty").GetString());
    }

    [Fact]
    public async Task OpenIdConfiguration_OfUnknownTenant_IsRefusedWith90002()
    {
        using var response = await sandbox.Client.Http.GetAsync(new Uri(sandbox.Server.BaseUri, "contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("AADSTS90002", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private (Dictionary<string, string> Form, string? Tenant) RefusedRequest(Refusal refusal)
    {
        var client = sandbox.Client;
        var app = SandboxFixture.AdminAppId;
        var good = client.Assertion(sandbox.Certificate, app);
        return refusal switch
        {
            Refusal.UnknownTenant => (client.TokenForm(app, good.Build()), "contoso.onmicrosoft.com"),
            Refusal.UnknownApp => (client.TokenForm("0d9b6e3c-1111-4222-8333-944455556666", good.Build()), null),
            Refusal.UnregisteredCertificate => (client.TokenForm(app, (good with { Certificate = sandbox.Unregistered }).Build()), null),
            Refusal.BadSignature => (client.TokenForm(app, (good with { Certificate = sandbox.Unregistered, NamedCertificate = sandbox.Certificate }).Build()), null),
            Refusal.WrongAudience => (client.TokenForm(app, (good with { Audience = "https://login.microsoftonline.com/common/oauth2/v2.0/token" }).Build()), null),
            Refusal.IssuerIsNotTheApp => (client.TokenForm(app, (good with { Issuer = SandboxFixture.ReaderAppId }).Build()), null),
            Refusal.ExpiredAssertion => (client.TokenForm(app, (good with { IssuedAt = DateTimeOffset.UtcNow.AddHours(-1) }).Build()), null),
            Refusal.AssertionNotYetValid => (client.TokenForm(app, (good with { IssuedAt = DateTimeOffset.UtcNow.AddHours(1) }).Build()), null),
            Refusal.ScopeWithoutDefault => (client.TokenForm(app, good.Build(), "https://outlook.office365.com/Exchange.ManageAsApp"), null),
            Refusal.UnknownResource => (client.TokenForm(app, good.Build(), "https://graph.microsoft.com/.default"), null),
            Refusal.NoAssertion => (Without(client.TokenForm(app, good.Build()), "client_assertion"), null),
            Refusal.MalformedAssertion => (client.TokenForm(app, "not.a.jwt"), null),
            _ => (With(client.TokenForm(app, good.Build()), "grant_type", "password"), null),
        };
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, int status, string error, int code, string description)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Equal(code, body.GetProperty("error_codes")[0].GetInt32());
        var text = body.GetProperty("error_description").GetString()!;
        Assert.StartsWith($"AADSTS{code}: ", text, StringComparison.Ordinal);
        Assert.Contains(description, text, StringComparison.Ordinal);
        Assert.Contains("Trace ID: ", text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("correlation_id").GetString()));
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    private static Dictionary<string, string> Without(Dictionary<string, string> form, string name)
    {
        form.Remove(name);
        return form;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> form, string name, string value)
    {
        form[name] = value;
        return form;
    }

    private static JsonElement Claims(string jwt) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1])).RootElement.Clone();
}
