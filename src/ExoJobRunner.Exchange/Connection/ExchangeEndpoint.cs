using System.Net;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Authentication;
using ExoJobRunner.Exchange.Rest;

namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// Where one profile's tokens and cmdlets go: the environment's access (authority, scope, admin API base address), the
/// organization, and the HTTP client that reaches them — trusting the public PKI for a Microsoft cloud, exactly one
/// server certificate for a sandbox. The connector builds sessions from it and <c>exojobs doctor</c> tries it one step at
/// a time. Owns (and disposes) its HTTP client.
/// </summary>
internal sealed class ExchangeEndpoint : IDisposable
{
    // Long-lived clients must still notice DNS changes of the Exchange front doors.
    private static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    private readonly bool trustsPublicPki;
    private readonly string scope;

    private ExchangeEndpoint(ExchangeEnvironmentAccess access, string organization, HttpClient httpClient)
    {
        trustsPublicPki = access.TrustedServerCertificate is null;
        scope = access.Scope;
        Authority = access.Authority;
        ExchangeBaseUri = access.ExchangeBaseUri;
        Organization = organization;
        HttpClient = httpClient;
    }

    /// <summary>The token authority: the identity platform's tenant address.</summary>
    public Uri Authority { get; }

    public Uri ExchangeBaseUri { get; }

    /// <summary>The tenant's <c>*.onmicrosoft.com</c> domain, as the admin API's path and anchor mailbox name it.</summary>
    public string Organization { get; }

    public HttpClient HttpClient { get; }

    /// <summary>An endpoint for <paramref name="organization"/> in the environment <paramref name="access"/> reaches.</summary>
    public static ExchangeEndpoint Open(ExchangeEnvironmentAccess access, string organization, TimeSpan requestTimeout)
    {
        HttpMessageHandler handler = access.TrustedServerCertificate is { } trusted
            ? PinnedServerCertificate.CreateHandler(trusted)
            : new SocketsHttpHandler
            {
                PooledConnectionLifetime = PooledConnectionLifetime,
                AutomaticDecompression = DecompressionMethods.All,
            };
        return new ExchangeEndpoint(access, organization, new HttpClient(handler, disposeHandler: true) { Timeout = requestTimeout });
    }

    /// <summary>MSAL for this endpoint, signing its client assertions with <paramref name="certificate"/>.</summary>
    public ExchangeTokenProvider CreateTokenProvider(string appId, X509Certificate2 certificate) =>
        trustsPublicPki
            ? ExchangeTokenProvider.ForCloud(Authority, scope, appId, Organization, certificate)
            : ExchangeTokenProvider.ForPrivateAuthority(Authority, scope, appId, Organization, certificate, HttpClient);

    public ExchangeRestClient CreateRestClient(ExchangeTokenProvider tokens, ExchangeClientOptions options) =>
        new(HttpClient, tokens, ExchangeBaseUri, Organization, options);

    public void Dispose() => HttpClient.Dispose();
}
