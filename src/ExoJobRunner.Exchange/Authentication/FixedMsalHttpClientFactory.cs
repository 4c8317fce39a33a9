using Microsoft.Identity.Client;

namespace ExoJobRunner.Exchange.Authentication;

/// <summary>Hands MSAL one prepared <see cref="HttpClient"/> (for the sandbox: one that trusts only its server).</summary>
internal sealed class FixedMsalHttpClientFactory(HttpClient httpClient) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => httpClient;
}
