using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Sandbox.Credentials;
using ExoJobRunner.Sandbox.Faults;
using ExoJobRunner.Sandbox.Registration;

namespace ExoJobRunner.Sandbox.Connection;

/// <summary>
/// <c>environment: Sandbox</c> without a <c>url</c>: the offline tenant started in this process for the profile, with its
/// size, seed and faults. It signs in with its own app and a client certificate kept in the user's data folder, over
/// HTTPS that trusts only the server's own certificate, and stops when the connection ends.
/// </summary>
/// <param name="dataFolder">
/// Where the client certificate is kept; null for the user's data folder (<c>$EXOJOBS_DATA_DIR/sandbox</c>, else the local
/// application data folder).
/// </param>
public sealed class InProcessSandboxEnvironment(string? dataFolder = null) : IExchangeEnvironmentProvider
{
    public string Name => "the in-process sandbox";

    public bool Serves(ExchangeConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Environment == ExchangeEnvironment.Sandbox && settings.SandboxOptions?.Url is null;
    }

    /// <summary>The sandbox's own app, signing in with the client certificate made on first use.</summary>
    public EnvironmentSignIn ProvideSignIn(ExchangeConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var folder = dataFolder ?? SandboxClientCredential.DefaultFolder;
        SandboxClientCredential credential;
        try
        {
            credential = SandboxClientCredential.LoadOrCreate(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw ExchangeConnectionException.Because(
                $"Profile '{settings.ProfileName}': the sandbox's client certificate cannot be kept in {folder} ({exception.Message}).",
                "Make the folder writable, or set EXOJOBS_DATA_DIR to a folder that is.",
                exception);
        }

        var made = credential.Created ? ", made now" : string.Empty;
        return new EnvironmentSignIn(
            SandboxAppRegistration.DefaultAppId, SandboxServerOptions.DefaultOrganization, credential.Certificate, $"in {credential.StoredPath}{made}", credential);
    }

    /// <summary>Starts the profile's tenant with one app registered: a correctly set-up one signing in with <paramref name="clientCertificate"/>.</summary>
    public async Task<ExchangeEnvironmentAccess> OpenAsync(
        ExchangeConnectionSettings settings, X509Certificate2 clientCertificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var sandbox = settings.SandboxOptions ?? new SandboxOptions();
        if (!SandboxFaultSpec.TryParse(sandbox.Faults, out var faults, out var faultError))
        {
            throw new ExchangeConnectionException($"Profile '{settings.ProfileName}': {faultError}");
        }

        var options = new SandboxServerOptions
        {
            Mailboxes = sandbox.Mailboxes,
            Seed = sandbox.Seed,
            Faults = faults,
            Apps = [SandboxAppRegistration.ForCertificate(clientCertificate)],
        };

        SandboxServer server;
        try
        {
            server = await SandboxServer.StartAsync(options, cancellationToken);
        }
        catch (Exception exception) when (exception is ArgumentException or IOException)
        {
            throw new ExchangeConnectionException($"Profile '{settings.ProfileName}': the sandbox could not start: {exception.Message}", exception);
        }

        // The access owns its copy of the server certificate; the server keeps its own until it stops.
        var trusted = X509CertificateLoader.LoadCertificate(server.ServerCertificate.RawData);
        return ExchangeEnvironmentAccess.Relocated(SandboxEnvironments.StoodInFor, server.BaseUri, server.Organization, trusted, server);
    }
}
