using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Authentication;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Rest;

namespace ExoJobRunner.Exchange.Diagnostics;

/// <summary>
/// What the connection checks share as they go: the profile's settings and the environment that connects it, then the
/// certificate, the endpoint and the token each check leaves for the next. Owns whatever the checks opened
/// (certificate, HTTP client, the environment's access — an in-process sandbox, say) until it is disposed. The token
/// never leaves it.
/// </summary>
internal sealed class ConnectionCheckContext : IAsyncDisposable
{
    private readonly List<IDisposable> owned = [];
    private readonly Func<ExchangeConnectionSettings?> profile;
    private ExchangeEnvironmentAccess? access;
    private IExchangeEnvironmentProvider? environment;
    private IReadOnlyList<CertificateFinding>? certificateFindings;

    public ConnectionCheckContext(Func<ExchangeConnectionSettings?> profile, ExchangeSessionPoolOptions options)
    {
        this.profile = profile;
        Options = options;
    }

    public ExchangeSessionPoolOptions Options { get; }

    /// <summary>
    /// The client's options with two tries: one retry after a busy service or a broken connection is enough to tell a
    /// hiccup from a lasting fault, and the five tries a job gets would keep the doctor waiting for half a minute.
    /// </summary>
    public ExchangeClientOptions ClientOptions => Options.Client with { Retry = Options.Client.Retry with { MaxAttempts = 2 } };

    public X509Certificate2? Certificate { get; private set; }

    /// <summary>The app the environment signs in with in place of the profile's (the in-process sandbox's own), if it has one.</summary>
    public EnvironmentSignIn? ProvidedSignIn { get; private set; }

    public ExchangeEndpoint? Endpoint { get; private set; }

    public ExchangeTokenProvider? Tokens { get; private set; }

    /// <summary>The app id that signed in: the profile's, or the environment's own.</summary>
    public string? AppId { get; private set; }

    public string? AccessToken { get; private set; }

    /// <summary>The provider that connects the profile, as the session pool would choose it.</summary>
    /// <exception cref="ExchangeConnectionException">No provider connects the profile's environment.</exception>
    public IExchangeEnvironmentProvider Environment =>
        environment ??= ExchangeEnvironmentProviders.Resolve(Options.Environments, RequireSettings());

    public ExchangeConnectionSettings RequireSettings() =>
        profile() ?? throw new InvalidOperationException("The connection checks need a profile: the configuration check names it first.");

    public X509Certificate2 RequireCertificate() =>
        Certificate ?? throw new InvalidOperationException("The certificate check must pass before this one runs.");

    /// <summary>The validator's findings for the certificate, computed once for the checks that report them.</summary>
    public IReadOnlyList<CertificateFinding> CertificateFindings =>
        certificateFindings ??= CertificateValidator.Validate(RequireCertificate(), Options.Client.TimeProvider.GetUtcNow());

    /// <param name="certificate">The certificate found.</param>
    /// <param name="owner">What disposes it: the certificate itself, or the sign-in holding it.</param>
    public void UseCertificate(X509Certificate2 certificate, IDisposable owner)
    {
        owned.Add(owner);
        Certificate = certificate;
    }

    public void UseProvidedSignIn(EnvironmentSignIn signIn)
    {
        UseCertificate(signIn.Certificate, signIn);
        ProvidedSignIn = signIn;
    }

    public void UseAccess(ExchangeEnvironmentAccess opened) => access = opened;

    public void UseEndpoint(ExchangeEndpoint endpoint)
    {
        owned.Add(endpoint);
        Endpoint = endpoint;
    }

    public void UseToken(string appId, ExchangeTokenProvider tokens, string accessToken)
    {
        AppId = appId;
        Tokens = tokens;
        AccessToken = accessToken;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var resource in owned)
        {
            resource.Dispose();
        }

        owned.Clear();
        if (access is not null)
        {
            await access.DisposeAsync();
            access = null;
        }
    }
}
