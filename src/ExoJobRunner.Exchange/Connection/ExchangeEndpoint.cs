using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Authentication;
using ExoJobRunner.Exchange.Rest;

namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// Where one profile's tokens and cmdlets go: the environment's access (authority, scope, admin API base address), the
/// organization, and the HTTP client that reaches them. Built the same way for every environment: a sandbox differs
/// from a Microsoft cloud only in its addresses and in trusting exactly its own server certificate instead of the
/// public PKI. The connector builds sessions from it and <c>exojobs doctor</c> tries it one step at a time. Owns (and
/// disposes) its HTTP client.
/// </summary>
internal sealed class ExchangeEndpoint : IDisposable
{
    // Long-lived clients must still notice DNS changes of the Exchange front doors.
    private static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    private readonly string scope;

    private ExchangeEndpoint(ExchangeEnvironmentAccess access, string organization, HttpClient httpClient)
    {
        scope = access.Scope;
        Authority = access.Authority;
        ExchangeBaseUri = access.ExchangeBaseUri;
        Organization = organization;
        HttpClient = httpClient;
    }

    /// <summary><c>exojobs/1.4.0</c>: Exchange's and Entra's logs name the client that called.</summary>
    public static ProductInfoHeaderValue UserAgent { get; } = new("exojobs", ProductVersion());

    /// <summary>The token authority: the identity platform's tenant address.</summary>
    public Uri Authority { get; }

    public Uri ExchangeBaseUri { get; }

    /// <summary>The tenant's <c>*.onmicrosoft.com</c> domain, as the admin API's path and anchor mailbox name it.</summary>
    public string Organization { get; }

    public HttpClient HttpClient { get; }

    /// <summary>An endpoint for <paramref name="organization"/> in the environment <paramref name="access"/> reaches.</summary>
    public static ExchangeEndpoint Open(ExchangeEnvironmentAccess access, string organization, TimeSpan requestTimeout) =>
        new(access, organization, CreateHttpClient(CreateHandler(access.TrustedServerCertificate), requestTimeout));

    /// <summary>
    /// The connection handler every environment uses: pooled connections renewed every few minutes, compressed
    /// responses (it sends <c>Accept-Encoding</c>), and either the public PKI or exactly <paramref name="trustedServerCertificate"/>.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(X509Certificate2? trustedServerCertificate)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = PooledConnectionLifetime,
            AutomaticDecompression = DecompressionMethods.All,
        };
        if (trustedServerCertificate is not null)
        {
            // Trusting one certificate, not switching validation off: the sandbox's own, self-signed one.
            var expectedHash = trustedServerCertificate.GetCertHash(HashAlgorithmName.SHA256);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(expectedHash);
        }

        return handler;
    }

    /// <summary>The HTTP client around <paramref name="handler"/>, naming exojobs in its <c>User-Agent</c>.</summary>
    public static HttpClient CreateHttpClient(HttpMessageHandler handler, TimeSpan requestTimeout)
    {
        var client = new HttpClient(handler, disposeHandler: true) { Timeout = requestTimeout };
        client.DefaultRequestHeaders.UserAgent.Add(UserAgent);
        return client;
    }

    /// <summary>MSAL for this endpoint, signing its client assertions with <paramref name="certificate"/>, retrying as <paramref name="options"/> say.</summary>
    public ExchangeTokenProvider CreateTokenProvider(string appId, X509Certificate2 certificate, ExchangeClientOptions options) =>
        ExchangeTokenProvider.Create(Authority, scope, appId, Organization, certificate, HttpClient, options);

    public ExchangeRestClient CreateRestClient(ExchangeTokenProvider tokens, ExchangeClientOptions options) =>
        new(HttpClient, tokens, ExchangeBaseUri, Organization, options);

    public void Dispose() => HttpClient.Dispose();

    /// <summary>The version the build stamped (1.4.0), without its source revision (+3f2a1c…).</summary>
    private static string ProductVersion()
    {
        var assembly = typeof(ExchangeEndpoint).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString(3)
            ?? "0.0.0";
        var revision = version.IndexOf('+', StringComparison.Ordinal);
        return revision < 0 ? version : version[..revision];
    }
}
