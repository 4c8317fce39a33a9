using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Authentication;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Sandbox;

namespace ExoJobRunner.Exchange.Diagnostics;

/// <summary>
/// What the doctor's checks share as they go: the profile's settings, then the certificate, the endpoint and the token
/// each check leaves for the next. Owns whatever the checks opened (certificate, HTTP client, an in-process sandbox)
/// until it is disposed. The token never leaves it.
/// </summary>
public sealed class DoctorContext : IAsyncDisposable
{
    private readonly List<IDisposable> owned = [];
    private SandboxServer? sandbox;
    private IReadOnlyList<CertificateFinding>? certificateFindings;

    /// <param name="options">How sessions connect: request timeout, retries, clock, the sandbox's data folder.</param>
    public DoctorContext(ExchangeSessionPoolOptions? options = null)
    {
        Options = options ?? new ExchangeSessionPoolOptions();
    }

    /// <summary>The profile to check; set by the configuration check (or by the caller when there is none).</summary>
    public ExchangeConnectionSettings? Settings { get; set; }

    internal ExchangeSessionPoolOptions Options { get; }

    internal X509Certificate2? Certificate { get; private set; }

    internal ExchangeEndpoint? Endpoint { get; private set; }

    internal ExchangeTokenProvider? Tokens { get; private set; }

    /// <summary>The app id that signed in: the profile's, or the in-process sandbox's own.</summary>
    internal string? AppId { get; private set; }

    internal string? AccessToken { get; private set; }

    /// <summary>Whether the profile starts the offline tenant in this process, with its own certificate and app.</summary>
    internal bool IsInProcessSandbox =>
        RequireSettings().Environment == ExchangeEnvironment.Sandbox && RequireSettings().SandboxOptions?.Url is null;

    internal ExchangeConnectionSettings RequireSettings() =>
        Settings ?? throw new InvalidOperationException("The doctor's checks need a profile: run the configuration check first or set Settings.");

    internal X509Certificate2 RequireCertificate() =>
        Certificate ?? throw new InvalidOperationException("The certificate check must pass before this one runs.");

    /// <summary>The validator's findings for the certificate, computed once for the checks that report them.</summary>
    internal IReadOnlyList<CertificateFinding> CertificateFindings =>
        certificateFindings ??= CertificateValidator.Validate(RequireCertificate(), Options.Client.TimeProvider.GetUtcNow());

    /// <param name="certificate">The certificate found.</param>
    /// <param name="owner">What disposes it: the certificate itself, or the sandbox credential holding it.</param>
    internal void UseCertificate(X509Certificate2 certificate, IDisposable owner)
    {
        owned.Add(owner);
        Certificate = certificate;
    }

    internal void UseSandbox(SandboxServer server) => sandbox = server;

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
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
            sandbox = null;
        }
    }
}
