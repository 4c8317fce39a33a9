using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// How to reach one environment: its admin API's base address, its token authority and scope, and the one server
/// certificate to trust instead of the public PKI (null for Microsoft's clouds). Owns that certificate and whatever keeps
/// the environment alive (an in-process sandbox), and disposes them when the connection ends. The two factories are the
/// only ways to make one, so a sandbox differs from a real tenant in its addresses and trust, never in what is asked of it.
/// </summary>
public sealed class ExchangeEnvironmentAccess : IAsyncDisposable
{
    private readonly IAsyncDisposable? lifetime;

    private ExchangeEnvironmentAccess(
        Uri exchangeBaseUri, Uri authority, string scope, X509Certificate2? trustedServerCertificate, IAsyncDisposable? lifetime)
    {
        ExchangeBaseUri = exchangeBaseUri;
        Authority = authority;
        Scope = scope;
        TrustedServerCertificate = trustedServerCertificate;
        this.lifetime = lifetime;
    }

    /// <summary>Where <c>adminapi/beta/{organization}/InvokeCommand</c> is resolved against.</summary>
    public Uri ExchangeBaseUri { get; }

    /// <summary>The identity platform's tenant address MSAL asks for tokens.</summary>
    public Uri Authority { get; }

    /// <summary>The scope tokens are asked for: the Exchange resource's <c>/.default</c>.</summary>
    public string Scope { get; }

    /// <summary>The only server certificate trusted; null trusts the public PKI.</summary>
    public X509Certificate2? TrustedServerCertificate { get; }

    /// <summary>One of Microsoft's clouds, at its own hosts, through the public PKI.</summary>
    public static ExchangeEnvironmentAccess ForCloud(ExchangeCloud cloud, string organization)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        return new(cloud.ExchangeBaseUri, cloud.AuthorityFor(organization), cloud.Scope, trustedServerCertificate: null, lifetime: null);
    }

    /// <summary>
    /// <paramref name="cloud"/> served from another address — a sandbox, which answers for Exchange Online and its
    /// identity platform under one host. Tokens are asked for the cloud's own resource and the paths are the cloud's;
    /// only the host and the trust differ.
    /// </summary>
    /// <param name="cloud">The cloud being stood in for: its scope is asked for.</param>
    /// <param name="baseUri">The address serving both the admin API and the token authority.</param>
    /// <param name="organization">The tenant, as the authority's path names it.</param>
    /// <param name="trustedServerCertificate">The server's own certificate, the only one trusted; disposed with this access.</param>
    /// <param name="lifetime">Disposed with this access: what keeps the environment running, if this process does.</param>
    public static ExchangeEnvironmentAccess Relocated(
        ExchangeCloud cloud, Uri baseUri, string organization, X509Certificate2 trustedServerCertificate, IAsyncDisposable? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(baseUri);
        ArgumentNullException.ThrowIfNull(trustedServerCertificate);
        return new(baseUri, new Uri(baseUri, organization), cloud.Scope, trustedServerCertificate, lifetime);
    }

    public async ValueTask DisposeAsync()
    {
        TrustedServerCertificate?.Dispose();
        if (lifetime is not null)
        {
            await lifetime.DisposeAsync();
        }
    }
}
