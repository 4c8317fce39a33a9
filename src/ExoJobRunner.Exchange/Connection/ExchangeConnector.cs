using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Sandbox;
using ExoJobRunner.Sandbox.Credentials;
using ExoJobRunner.Sandbox.Faults;
using ExoJobRunner.Sandbox.Registration;

namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// Turns a profile's settings into a connected session: certificate loaded and checked before any network call, a
/// first token fetched so that a wrong app id or certificate fails at connect rather than in the middle of a job.
/// </summary>
internal sealed class ExchangeConnector(ExchangeSessionPoolOptions options)
{
    public Task<ExchangeConnection> ConnectAsync(ExchangeConnectionSettings settings, CancellationToken cancellationToken) =>
        settings.Environment != ExchangeEnvironment.Sandbox ? ConnectToCloudAsync(settings, cancellationToken)
        : settings.SandboxOptions?.Url is { } url ? ConnectToStandaloneSandboxAsync(settings, url, cancellationToken)
        : ConnectToSandboxAsync(settings, cancellationToken);

    /// <summary>
    /// The options of the in-process sandbox a profile starts: its size, seed and faults, with one app registered — a
    /// correctly set-up one signing in with <paramref name="certificate"/>.
    /// </summary>
    /// <exception cref="ExchangeConnectionException">The profile's fault spec is invalid.</exception>
    internal static SandboxServerOptions InProcessSandboxOptions(ExchangeConnectionSettings settings, X509Certificate2 certificate)
    {
        var sandbox = settings.SandboxOptions ?? new SandboxOptions();
        if (!SandboxFaultSpec.TryParse(sandbox.Faults, out var faults, out var faultError))
        {
            throw new ExchangeConnectionException($"Profile '{settings.ProfileName}': {faultError}");
        }

        return new SandboxServerOptions
        {
            Mailboxes = sandbox.Mailboxes,
            Seed = sandbox.Seed,
            Faults = faults,
            Apps = [SandboxAppRegistration.ForCertificate(certificate)],
        };
    }

    /// <summary>The client certificate in-process sandbox profiles sign in with, made on first use.</summary>
    internal static SandboxClientCredential LoadSandboxCredential(string profile, string? dataFolder)
    {
        var folder = dataFolder ?? SandboxClientCredential.DefaultFolder;
        try
        {
            return SandboxClientCredential.LoadOrCreate(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw ExchangeConnectionException.Because(
                $"Profile '{profile}': the sandbox's client certificate cannot be kept in {folder} ({exception.Message}).",
                "Make the folder writable, or set EXOJOBS_DATA_DIR to a folder that is.",
                exception);
        }
    }

    internal static async Task<SandboxServer> StartSandboxAsync(string profile, SandboxServerOptions sandboxOptions, CancellationToken cancellationToken)
    {
        try
        {
            return await SandboxServer.StartAsync(sandboxOptions, cancellationToken);
        }
        catch (Exception exception) when (exception is ArgumentException or IOException)
        {
            throw new ExchangeConnectionException($"Profile '{profile}': the sandbox could not start: {exception.Message}", exception);
        }
    }

    /// <summary>The TLS certificate of a standalone sandbox, the one server its profile trusts.</summary>
    internal static X509Certificate2 LoadServerCertificate(string profile, string? path)
    {
        if (path is null)
        {
            throw ExchangeConnectionException.Because(
                $"Profile '{profile}': a standalone sandbox needs 'serverCertificate'.",
                "Set it to the server certificate file 'exojobs sandbox' printed.");
        }

        try
        {
            return X509Certificate2.CreateFromPem(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw ExchangeConnectionException.Because(
                $"Profile '{profile}': the sandbox server certificate {path} cannot be read ({exception.Message}).",
                "Use the file 'exojobs sandbox' printed, and restart it if it was stopped.",
                exception);
        }
    }

    /// <summary>The standalone sandbox's endpoint: its token authority lives under its own address, named by organization.</summary>
    internal static ExchangeEndpoint StandaloneSandboxEndpoint(Uri url, string organization, X509Certificate2 serverCertificate, TimeSpan requestTimeout) =>
        ExchangeEndpoint.ForSandbox(url, new Uri(url, organization + "/"), organization, serverCertificate, requestTimeout);

    internal static string RequireAppId(ExchangeConnectionSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.AppId))
        {
            throw ExchangeConnectionException.Because(
                $"Profile '{settings.ProfileName}' has no app id.",
                "Set it to the app registration's Application (client) ID.");
        }

        if (!Guid.TryParse(settings.AppId, out _))
        {
            throw ExchangeConnectionException.Because(
                $"Profile '{settings.ProfileName}': app id '{settings.AppId}' is not a GUID.",
                "Use the Application (client) ID from the app registration's overview page.");
        }

        return settings.AppId;
    }

    private async Task<ExchangeConnection> ConnectToCloudAsync(ExchangeConnectionSettings settings, CancellationToken cancellationToken)
    {
        var profile = settings.ProfileName;
        var warnings = new List<string>();
        var appId = RequireAppId(settings);
        var organization = RequireOrganization(settings, warnings);
        var source = settings.CertificateSource ?? throw new ExchangeConnectionException(
            $"Profile '{profile}' has no client certificate: give a certificate thumbprint, a PFX file or a PEM certificate file.");

        var certificate = ForProfile(profile, () => CertificateLoader.Load(source));
        ExchangeEndpoint? endpoint = null;
        try
        {
            warnings.AddRange(CheckCertificate(profile, certificate));
            endpoint = ExchangeEndpoint.ForCloud(ExchangeCloud.For(settings.Environment), organization, options.RequestTimeout);
            return await ConnectAsync(settings, endpoint, appId, certificate, warnings, [endpoint, certificate], ownedServer: null, cancellationToken);
        }
        catch
        {
            endpoint?.Dispose();
            certificate.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts the offline tenant in this process and connects to it exactly as to a cloud: MSAL signs in with the
    /// sandbox's client certificate (kept in the user's data folder), over HTTPS that trusts only the sandbox's own
    /// server certificate.
    /// </summary>
    private async Task<ExchangeConnection> ConnectToSandboxAsync(ExchangeConnectionSettings settings, CancellationToken cancellationToken)
    {
        var profile = settings.ProfileName;
        var credential = LoadSandboxCredential(profile, options.SandboxDataFolder);
        SandboxServer? server = null;
        ExchangeEndpoint? endpoint = null;
        try
        {
            server = await StartSandboxAsync(profile, InProcessSandboxOptions(settings, credential.Certificate), cancellationToken);
            var warnings = CheckCertificate(profile, credential.Certificate);
            endpoint = ExchangeEndpoint.ForSandbox(server.BaseUri, server.AuthorityUri, server.Organization, server.ServerCertificate, options.RequestTimeout);
            return await ConnectAsync(settings, endpoint, server.AppId, credential.Certificate, warnings, [endpoint, credential], server, cancellationToken);
        }
        catch
        {
            endpoint?.Dispose();
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            credential.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Connects to a sandbox started elsewhere by <c>exojobs sandbox</c> exactly as to a real tenant: the profile's own
    /// app id, organization and certificate sign in, so a wrong certificate or an unknown app fails as it would in production.
    /// </summary>
    private async Task<ExchangeConnection> ConnectToStandaloneSandboxAsync(ExchangeConnectionSettings settings, Uri url, CancellationToken cancellationToken)
    {
        var profile = settings.ProfileName;
        var warnings = new List<string>();
        var appId = RequireAppId(settings);
        var organization = RequireOrganization(settings, warnings);
        var source = settings.CertificateSource ?? throw new ExchangeConnectionException(
            $"Profile '{profile}' has no client certificate: use the PEM certificate and key (or the PFX) that 'exojobs sandbox' wrote.");
        using var serverCertificate = LoadServerCertificate(profile, settings.SandboxOptions?.ServerCertificatePath);

        var certificate = ForProfile(profile, () => CertificateLoader.Load(source));
        ExchangeEndpoint? endpoint = null;
        try
        {
            warnings.AddRange(CheckCertificate(profile, certificate));
            endpoint = StandaloneSandboxEndpoint(url, organization, serverCertificate, options.RequestTimeout);
            return await ConnectAsync(settings, endpoint, appId, certificate, warnings, [endpoint, certificate], ownedServer: null, cancellationToken);
        }
        catch
        {
            endpoint?.Dispose();
            certificate.Dispose();
            throw;
        }
    }

    /// <summary>Fetches the first token (so a refusal fails here) and wraps the endpoint in a session.</summary>
    private async Task<ExchangeConnection> ConnectAsync(
        ExchangeConnectionSettings settings,
        ExchangeEndpoint endpoint,
        string appId,
        X509Certificate2 certificate,
        IReadOnlyList<string> warnings,
        IReadOnlyList<IDisposable> ownedResources,
        SandboxServer? ownedServer,
        CancellationToken cancellationToken)
    {
        var tokens = endpoint.CreateTokenProvider(appId, certificate);
        await ForProfileAsync(settings.ProfileName, () => tokens.GetAccessTokenAsync(forceRefresh: false, cancellationToken));
        var client = endpoint.CreateRestClient(tokens, options.Client);
        var session = Announce(new ExchangeSession(settings.ProfileName, settings.Environment, endpoint.Organization, client, warnings, options.Logger));
        return new ExchangeConnection(settings, session, ownedResources, ownedServer);
    }

    private ExchangeSession Announce(ExchangeSession session)
    {
        foreach (var warning in session.ConnectionWarnings)
        {
            ConnectionLog.ConnectionWarning(options.Logger, session.ProfileName, warning);
        }

        ConnectionLog.Connected(options.Logger, session.ProfileName, session.Organization, session.Environment);
        return session;
    }

    private List<string> CheckCertificate(string profile, X509Certificate2 certificate)
    {
        var findings = CertificateValidator.Validate(certificate, options.Client.TimeProvider.GetUtcNow());
        var errors = findings.Where(finding => finding.Severity == CertificateFindingSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new ExchangeConnectionException($"Profile '{profile}': {string.Join(" ", errors.Select(error => error.Message))}");
        }

        return [.. findings.Select(finding => finding.Message)];
    }

    private static string RequireOrganization(ExchangeConnectionSettings settings, List<string> warnings)
    {
        var organization = settings.Organization;
        switch (TenantInitialDomain.Classify(organization, settings.Environment))
        {
            case OrganizationDomainKind.Missing:
                throw ExchangeConnectionException.Because(
                    $"Profile '{settings.ProfileName}' has no organization.",
                    "Set it to the tenant's *.onmicrosoft.com domain.");
            case OrganizationDomainKind.TenantId or OrganizationDomainKind.NotADomain:
                throw ExchangeConnectionException.Because(
                    $"Profile '{settings.ProfileName}': organization '{organization}' is not a domain.",
                    "Exchange Online needs the tenant's *.onmicrosoft.com domain (for example contoso.onmicrosoft.com), not the tenant id.");
            case OrganizationDomainKind.OtherDomain:
                warnings.Add(
                    $"Organization '{organization}' is not a *.onmicrosoft.com domain; Exchange Online accepts the connection but then refuses " +
                    "cmdlets with permission errors. Use the tenant's *.onmicrosoft.com domain.");
                break;
        }

        return organization!;
    }

    private static T ForProfile<T>(string profile, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (ExchangeConnectionException exception)
        {
            throw Named(profile, exception);
        }
    }

    private static async Task ForProfileAsync(string profile, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (ExchangeConnectionException exception)
        {
            throw Named(profile, exception);
        }
    }

    private static ExchangeConnectionException Named(string profile, ExchangeConnectionException exception) =>
        new($"Profile '{profile}': {exception.Message}", exception) { ErrorCode = exception.ErrorCode, Cause = exception.Cause, Fix = exception.Fix };
}
