using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace ExoJobRunner.Sandbox.Tests.Support;

/// <summary>
/// A plain HttpClient speaking to a sandbox the way a client of the real service would: its handler trusts exactly the
/// sandbox's server certificate, tokens come from the token endpoint with a hand-built assertion, and cmdlets are posted to
/// InvokeCommand with the module's headers. None of the sandbox's own code is involved on this side.
/// </summary>
public sealed class SandboxClient : IDisposable
{
    private readonly SandboxServer server;

    public SandboxClient(SandboxServer server, TimeSpan? timeout = null)
    {
        this.server = server;
        var expected = server.ServerCertificate.RawData;
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.RawData.AsSpan().SequenceEqual(expected),
        };
        Http = new HttpClient(handler) { Timeout = timeout ?? TimeSpan.FromSeconds(60) };
    }

    public HttpClient Http { get; }

    public string TokenEndpointFor(string tenant) => new Uri(server.BaseUri, $"{tenant}/oauth2/v2.0/token").ToString();

    public Task<HttpResponseMessage> RequestTokenAsync(IReadOnlyDictionary<string, string> form, string? tenant = null) =>
        Http.PostAsync(TokenEndpointFor(tenant ?? server.TenantId.ToString()), new FormUrlEncodedContent(form));

    /// <summary>The form MSAL would post for <paramref name="assertion"/>.</summary>
    public Dictionary<string, string> TokenForm(string appId, string assertion, string? scope = null) => new()
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = appId,
        ["scope"] = scope ?? server.Scope,
        ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        ["client_assertion"] = assertion,
    };

    public ClientAssertion Assertion(X509Certificate2 certificate, string appId, DateTimeOffset? now = null) => new()
    {
        Certificate = certificate,
        AppId = appId,
        Audience = TokenEndpointFor(server.TenantId.ToString()),
        IssuedAt = now ?? DateTimeOffset.UtcNow,
    };

    public async Task<string> GetTokenAsync(X509Certificate2 certificate, string appId, DateTimeOffset? now = null)
    {
        using var response = await RequestTokenAsync(TokenForm(appId, Assertion(certificate, appId, now).Build()));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"token request failed: {body}");
        return body.GetProperty("access_token").GetString()!;
    }

    public async Task<AdminApiResponse> InvokeAsync(string? token, string cmdlet, object? parameters = null, int? maxPageSize = null, string? url = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url ?? server.InvokeCommandUri.ToString())
        {
            Content = JsonContent.Create(new { CmdletInput = new { CmdletName = cmdlet, Parameters = parameters ?? new { } } }),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Headers.Add("X-ResponseFormat", "json");
        request.Headers.Add("Prefer", $"odata.maxpagesize={maxPageSize ?? 1000}");
        request.Headers.Add("client-request-id", Guid.NewGuid().ToString());
        request.Headers.Add("X-CmdletName", cmdlet);
        request.Headers.Add("X-AnchorMailbox", $"UPN:SystemMailbox{{bb558c35-97f1-4cb9-8ff7-d53741dc928c}}@{server.Organization}");
        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new AdminApiResponse(response.StatusCode, response, body);
    }

    /// <summary>Follows <c>@odata.nextLink</c> from the first page to the last, posting the same body each time.</summary>
    public async Task<List<AdminApiResponse>> AllPagesAsync(string token, string cmdlet, object? parameters, int maxPageSize)
    {
        var pages = new List<AdminApiResponse>();
        string? url = null;
        do
        {
            var page = await InvokeAsync(token, cmdlet, parameters, maxPageSize, url);
            Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
            pages.Add(page);
            url = page.NextLink;
        }
        while (url is not null);
        return pages;
    }

    public void Dispose() => Http.Dispose();
}
