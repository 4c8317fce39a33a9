using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// How to reach one environment: its admin API's base address, its token authority and scope, and the one server
/// certificate to trust instead of the public PKI (null for Microsoft's clouds). Owns that certificate and whatever keeps
/// the environment alive (an in-process sandbox), and disposes them when the connection ends.
/// </summary>
public sealed class ExchangeEnvironmentAccess : IAsyncDisposable
{
    private readonly IAsyncDisposable? lifetime;

    /// <param name="exchangeBaseUri">Where <c>adminapi/beta/{organization}/InvokeCommand</c> is resolved against.</param>
    /// <param name="authority">The identity platform's tenant address MSAL asks for tokens.</param>
    /// <param name="scope">The scope tokens are asked for: the Exchange resource's <c>/.default</c>.</param>
    /// <param name="trustedServerCertificate">The only server certificate trusted; null trusts the public PKI.</param>
    /// <param name="lifetime">Disposed with this access: what keeps the environment running, if this process does.</param>
    public ExchangeEnvironmentAccess(
        Uri exchangeBaseUri, Uri authority, string scope, X509Certificate2? trustedServerCertificate = null, IAsyncDisposable? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(exchangeBaseUri);
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);

        ExchangeBaseUri = exchangeBaseUri;
        Authority = authority;
        Scope = scope;
        TrustedServerCertificate = trustedServerCertificate;
        this.lifetime = lifetime;
    }

    public Uri ExchangeBaseUri { get; }

    public Uri Authority { get; }

    public string Scope { get; }

    public X509Certificate2? TrustedServerCertificate { get; }

    public async ValueTask DisposeAsync()
    {
        TrustedServerCertificate?.Dispose();
        if (lifetime is not null)
        {
            await lifetime.DisposeAsync();
        }
    }
}
