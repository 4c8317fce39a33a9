using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Authentication;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Exchange.Diagnostics;

/// <summary>
/// What the doctor's checks share as they go: the profile's settings and the environment that connects it, then the
/// certificate, the endpoint and the token each check leaves for the next. Owns whatever the checks opened
/// (certificate, HTTP client, the environment's access — an in-process sandbox, say) until it is disposed. The token
/// never leaves it.
/// </summary>
public sealed class DoctorContext : IAsyncDisposable
{
    private readonly List<IDisposable> owned = [];
    private ExchangeEnvironmentAccess? access;
    private IExchangeEnvironmentProvider? environment;
    private IReadOnlyList<CertificateFinding>? certificateFindings;

    /// <param name="options">How sessions connect: request timeout, retries, clock, the environments besides Microsoft's clouds.</param>
    public DoctorContext(ExchangeSessionPoolOptions? options = null)
    {
        Options = options ?? new ExchangeSessionPoolOptions();
    }

    /// <summary>The profile to check; set by the configuration check (or by the caller when there is none).</summary>
    public ExchangeConnectionSettings? Settings { get; set; }

    internal ExchangeSessionPoolOptions Options { get; }

    internal X509Certificate2? Certificate { get; private set; }

    /// <summary>The app the environment signs in with in place of the profile's (the in-process sandbox's own), if it has one.</summary>
    internal EnvironmentSignIn? ProvidedSignIn { get; private set; }

    internal ExchangeEndpoint? Endpoint { get; private set; }

    internal ExchangeTokenProvider? Tokens { get; private set; }

    /// <summary>The app id that signed in: the profile's, or the environment's own.</summary>
    internal string? AppId { get; private set; }

    internal string? AccessToken { get; private set; }

    /// <summary>The provider that connects the profile, as the session pool would choose it.</summary>
    /// <exception cref="ExchangeConnectionException">No provider connects the profile's environment.</exception>
    internal IExchangeEnvironmentProvider Environment =>
        environment ??= ExchangeEnvironmentProviders.Resolve(Options.Environments, RequireSettings());

    internal ExchangeConnectionSettings RequireSettings() =>
        Settings ?? throw new InvalidOperationException("The doctor's checks need a profile: run the configuration check first or set Settings.");

    internal X509Certificate2 RequireCertificate() =>
        Certificate ?? throw new InvalidOperationException("The certificate check must pass before this one runs.");

    /// <summary>The validator's findings for the certificate, computed once for the checks that report them.</summary>
    internal IReadOnlyList<CertificateFinding> CertificateFindings =>
        certificateFindings ??= CertificateValidator.Validate(RequireCertificate(), Options.Client.TimeProvider.GetUtcNow());

    /// <param name="certificate">The certificate found.</param>
    /// <param name="owner">What disposes it: the certificate itself, or the sign-in holding it.</param>
    internal void UseCertificate(X509Certificate2 certificate, IDisposable owner)
    {
        owned.Add(owner);
        Certificate = certificate;
    }

    internal void UseProvidedSignIn(EnvironmentSignIn signIn)
    {
        UseCertificate(signIn.Certificate, signIn);
        ProvidedSignIn = signIn;
    }

    internal void UseAccess(ExchangeEnvironmentAccess opened) => access = opened;

    internal void UseEndpoint(ExchangeEndpoint endpoint)
    {
        owned.Add(endpoint);
        Endpoint = endpoint;
    }

    internal void UseToken(string appId, ExchangeTokenProvider tokens, string accessToken)
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
