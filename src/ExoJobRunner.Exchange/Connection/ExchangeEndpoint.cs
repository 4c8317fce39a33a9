using System.Net;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Authentication;
using ExoJobRunner.Exchange.Rest;

namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// Where one profile's tokens and cmdlets go: the token authority and scope, the admin API's base address and
/// organization, and the HTTP client that reaches them — trusting the public PKI for a Microsoft cloud, exactly one
/// server certificate for a sandbox. The connector builds sessions from it and <c>exojobs doctor</c> tries it one step at
/// a time. Owns (and disposes) its HTTP client.
/// </summary>
internal sealed class ExchangeEndpoint : IDisposable
{
    // Long-lived clients must still notice DNS changes of the Exchange front doors.
    private static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    private readonly ExchangeCloud? cloud;
    private readonly string scope;

    private ExchangeEndpoint(ExchangeCloud? cloud, Uri authority, string scope, Uri exchangeBaseUri, string organization, HttpClient httpClient)
    {
        this.cloud = cloud;
        this.scope = scope;
        Authority = authority;
        ExchangeBaseUri = exchangeBaseUri;
        Organization = organization;
        HttpClient = httpClient;
    }

    /// <summary>The token authority: the identity platform's tenant address.</summary>
    public Uri Authority { get; }

    public Uri ExchangeBaseUri { get; }

    /// <summary>The tenant's <c>*.onmicrosoft.com</c> domain, as the admin API's path and anchor mailbox name it.</summary>
    public string Organization { get; }

    public HttpClient HttpClient { get; }

    /// <summary>One of Microsoft's clouds, reached through the public PKI.</summary>
    public static ExchangeEndpoint ForCloud(ExchangeCloud cloud, string organization, TimeSpan requestTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = PooledConnectionLifetime,
            AutomaticDecompression = DecompressionMethods.All,
        };
        return new ExchangeEndpoint(
            cloud, cloud.AuthorityFor(organization), cloud.Scope, cloud.ExchangeBaseUri, organization, CreateHttpClient(handler, requestTimeout));
    }

    /// <summary>
    /// A sandbox at <paramref name="baseUri"/> (in this process or started by <c>exojobs sandbox</c>), trusted through
    /// exactly its own server certificate; its token endpoint lives under the same address.
    /// </summary>
    public static ExchangeEndpoint ForSandbox(Uri baseUri, Uri authority, string organization, X509Certificate2 serverCertificate, TimeSpan requestTimeout) =>
        new(
            cloud: null,
            authority,
            baseUri.GetLeftPart(UriPartial.Authority) + "/.default",
            baseUri,
            organization,
            CreateHttpClient(PinnedServerCertificate.CreateHandler(serverCertificate), requestTimeout));

    /// <summary>MSAL for this endpoint, signing its client assertions with <paramref name="certificate"/>.</summary>
    public ExchangeTokenProvider CreateTokenProvider(string appId, X509Certificate2 certificate) =>
        cloud is not null
            ? ExchangeTokenProvider.ForCloud(cloud, appId, Organization, certificate)
            : ExchangeTokenProvider.ForPrivateAuthority(Authority, scope, appId, Organization, certificate, HttpClient);

    public ExchangeRestClient CreateRestClient(ExchangeTokenProvider tokens, ExchangeClientOptions options) =>
        new(HttpClient, tokens, ExchangeBaseUri, Organization, options);

    public void Dispose() => HttpClient.Dispose();

    private static HttpClient CreateHttpClient(HttpMessageHandler handler, TimeSpan requestTimeout) =>
        new(handler, disposeHandler: true) { Timeout = requestTimeout };
}
