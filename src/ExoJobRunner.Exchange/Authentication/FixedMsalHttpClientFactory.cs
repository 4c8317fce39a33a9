using Microsoft.Identity.Client;

namespace ExoJobRunner.Exchange.Authentication;

/// <summary>Hands MSAL the endpoint's own <see cref="HttpClient"/>: the same trust, headers and timeout as the admin API's.</summary>
internal sealed class FixedMsalHttpClientFactory(HttpClient httpClient) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => httpClient;
}
