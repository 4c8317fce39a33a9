using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// One kind of environment a profile can connect to. It says where the environment's Entra authority and admin API are
/// and which server certificate to trust, and — for an environment that brings its own app, as the in-process sandbox
/// does — who signs in. Microsoft's clouds are built in; the host registers the others (the sandbox backends) in
/// <see cref="ExchangeSessionPoolOptions.Environments"/>. Every environment is then connected to the same way: one
/// certificate check, one token provider, one REST client.
/// </summary>
public interface IExchangeEnvironmentProvider
{
    /// <summary>What the environment is called in messages, e.g. "the in-process sandbox".</summary>
    string Name { get; }

    /// <summary>How to fix a profile of this environment that signs in with its own app but names no client certificate.</summary>
    string MissingCertificateAdvice => "give a certificate thumbprint, a PFX file or a PEM certificate file.";

    /// <summary>Whether this provider connects the profile of <paramref name="settings"/>.</summary>
    bool Serves(ExchangeConnectionSettings settings);

    /// <summary>
    /// The app this environment signs in with in place of the profile's own; null when the profile's app id,
    /// organization and certificate sign in, as they do against a real tenant.
    /// </summary>
    /// <exception cref="ExchangeConnectionException">The environment's own credential cannot be loaded; the message names the profile.</exception>
    EnvironmentSignIn? ProvideSignIn(ExchangeConnectionSettings settings);

    /// <summary>Finds (or starts) the environment, ready for an app that signs in with <paramref name="clientCertificate"/>.</summary>
    /// <exception cref="ExchangeConnectionException">The environment cannot be reached or started; the message names the profile.</exception>
    Task<ExchangeEnvironmentAccess> OpenAsync(ExchangeConnectionSettings settings, X509Certificate2 clientCertificate, CancellationToken cancellationToken);
}
