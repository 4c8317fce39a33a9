using Microsoft.Identity.Client;

namespace ExoJobRunner.Benchmarks.Enumeration;

/// <summary>Gives MSAL the baseline's own HttpClient, the one that trusts only the sandbox's server certificate.</summary>
internal sealed class SingleHttpClientFactory(HttpClient httpClient) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => httpClient;
}
