using System.Net;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Authentication;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Exchange.Rest;
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
    // Tenant domains Exchange accepts as -Organization, per cloud; any other domain connects and then fails with
    // permission errors, which is why it is worth a warning.
    private static readonly string[] TenantDomainSuffixes = [".onmicrosoft.com", ".onmicrosoft.us", ".onmschina.cn"];

    // Long-lived clients must still notice DNS changes of the Exchange front doors.
    private static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    public Task<ExchangeConnection> ConnectAsync(ExchangeConnectionSettings settings, CancellationToken cancellationToken) =>
        settings.Environment != ExchangeEnvironment.Sandbox ? ConnectToCloudAsync(settings, cancellationToken)
        : settings.SandboxOptions?.Url is { } url ? ConnectToStandaloneSandboxAsync(settings, url, cancellationToken)
        : ConnectToSandboxAsync(settings, cancellationToken);

    private async Task<ExchangeConnection> ConnectToCloudAsync(ExchangeConnectionSettings settings, CancellationToken cancellationToken)
    {
        var profile = settings.ProfileName;
        var warnings = new List<string>();
        var appId = RequireAppId(settings);
        var organization = RequireOrganization(settings, warnings);
        var source = settings.CertificateSource ?? throw new ExchangeConnectionException(
            $"Profile '{profile}' has no client certificate: give a certificate thumbprint, a PFX file or a PEM certificate file.");

        var certificate = ForProfile(profile, () => CertificateLoader.Load(source));
        HttpClient? httpClient = null;
        try
        {
            warnings.AddRange(CheckCertificate(profile, certificate));
            var cloud = ExchangeCloud.For(settings.Environment);
            var tokens = ExchangeTokenProvider.ForCloud(cloud, appId, organization, certificate);
            await ForProfileAsync(profile, () => tokens.GetAccessTokenAsync(forceRefresh: false, cancellationToken));

            httpClient = CreateHttpClient(new SocketsHttpHandler
            {
                PooledConnectionLifetime = PooledConnectionLifetime,
                AutomaticDecompression = DecompressionMethods.All,
            });
            var client = new ExchangeRestClient(httpClient, tokens, cloud.ExchangeBaseUri, organization, options.Client);
            var session = Announce(new ExchangeSession(profile, settings.Environment, organization, client, warnings, options.Logger));
            return new ExchangeConnection(settings, session, [httpClient, certificate]);
        }
        catch
        {
            httpClient?.Dispose();
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
        var sandbox = settings.SandboxOptions ?? new SandboxOptions();
        if (!SandboxFaultSpec.TryParse(sandbox.Faults, out var faults, out var faultError))
        {
            throw new ExchangeConnectionException($"Profile '{profile}': {faultError}");
        }

        var credential = LoadSandboxCredential(profile);
        SandboxServer? server = null;
        HttpClient? httpClient = null;
        try
        {
            server = await StartSandboxAsync(profile, new SandboxServerOptions
            {
                Mailboxes = sandbox.Mailboxes,
                Seed = sandbox.Seed,
                Faults = faults,
                Apps = [SandboxAppRegistration.ForCertificate(credential.Certificate)],
            }, cancellationToken);

            var warnings = CheckCertificate(profile, credential.Certificate);
            httpClient = CreateHttpClient(PinnedServerCertificate.CreateHandler(server.ServerCertificate));
            var tokens = ExchangeTokenProvider.ForPrivateAuthority(
                server.AuthorityUri, server.Scope, server.AppId, server.Organization, credential.Certificate, httpClient);
            await ForProfileAsync(profile, () => tokens.GetAccessTokenAsync(forceRefresh: false, cancellationToken));

            var client = new ExchangeRestClient(httpClient, tokens, server.BaseUri, server.Organization, options.Client);
            var session = Announce(new ExchangeSession(profile, ExchangeEnvironment.Sandbox, server.Organization, client, warnings, options.Logger));
            return new ExchangeConnection(settings, session, [httpClient, credential], server);
        }
        catch
        {
            httpClient?.Dispose();
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
        HttpClient? httpClient = null;
        try
        {
            warnings.AddRange(CheckCertificate(profile, certificate));
            httpClient = CreateHttpClient(PinnedServerCertificate.CreateHandler(serverCertificate));
            var tokens = ExchangeTokenProvider.ForPrivateAuthority(
                new Uri(url, organization + "/"), url.GetLeftPart(UriPartial.Authority) + "/.default", appId, organization, certificate, httpClient);
            await ForProfileAsync(profile, () => tokens.GetAccessTokenAsync(forceRefresh: false, cancellationToken));

            var client = new ExchangeRestClient(httpClient, tokens, url, organization, options.Client);
            var session = Announce(new ExchangeSession(profile, ExchangeEnvironment.Sandbox, organization, client, warnings, options.Logger));
            return new ExchangeConnection(settings, session, [httpClient, certificate]);
        }
        catch
        {
            httpClient?.Dispose();
            certificate.Dispose();
            throw;
        }
    }

    private static X509Certificate2 LoadServerCertificate(string profile, string? path)
    {
        if (path is null)
        {
            throw new ExchangeConnectionException(
                $"Profile '{profile}': a standalone sandbox needs 'serverCertificate', the server certificate file 'exojobs sandbox' printed.");
        }

        try
        {
            return X509Certificate2.CreateFromPem(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new ExchangeConnectionException(
                $"Profile '{profile}': the sandbox server certificate {path} cannot be read ({exception.Message}). " +
                "Use the file 'exojobs sandbox' printed, and restart it if it was stopped.",
                exception);
        }
    }

    private SandboxClientCredential LoadSandboxCredential(string profile)
    {
        var folder = options.SandboxDataFolder ?? SandboxClientCredential.DefaultFolder;
        try
        {
            return SandboxClientCredential.LoadOrCreate(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ExchangeConnectionException(
                $"Profile '{profile}': the sandbox's client certificate cannot be kept in {folder} ({exception.Message}). " +
                "Make the folder writable, or set EXOJOBS_DATA_DIR to a folder that is.",
                exception);
        }
    }

    private static async Task<SandboxServer> StartSandboxAsync(string profile, SandboxServerOptions sandboxOptions, CancellationToken cancellationToken)
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

    private HttpClient CreateHttpClient(HttpMessageHandler handler) =>
        new(handler, disposeHandler: true) { Timeout = options.RequestTimeout };

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

    private static string RequireAppId(ExchangeConnectionSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.AppId))
        {
            throw new ExchangeConnectionException(
                $"Profile '{settings.ProfileName}' has no app id: set it to the app registration's Application (client) ID.");
        }

        if (!Guid.TryParse(settings.AppId, out _))
        {
            throw new ExchangeConnectionException(
                $"Profile '{settings.ProfileName}': app id '{settings.AppId}' is not a GUID. Use the Application (client) ID from the app registration's overview page.");
        }

        return settings.AppId;
    }

    private static string RequireOrganization(ExchangeConnectionSettings settings, List<string> warnings)
    {
        var organization = settings.Organization;
        if (string.IsNullOrWhiteSpace(organization))
        {
            throw new ExchangeConnectionException(
                $"Profile '{settings.ProfileName}' has no organization: set it to the tenant's *.onmicrosoft.com domain.");
        }

        if (Guid.TryParse(organization, out _) || !organization.Contains('.', StringComparison.Ordinal))
        {
            throw new ExchangeConnectionException(
                $"Profile '{settings.ProfileName}': organization '{organization}' is not a domain. Exchange Online needs the tenant's " +
                "*.onmicrosoft.com domain (for example contoso.onmicrosoft.com), not the tenant id.");
        }

        if (!TenantDomainSuffixes.Any(suffix => organization.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)))
        {
            warnings.Add(
                $"Organization '{organization}' is not a *.onmicrosoft.com domain; Exchange Online accepts the connection but then refuses " +
                "cmdlets with permission errors. Use the tenant's *.onmicrosoft.com domain.");
        }

        return organization;
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
        new($"Profile '{profile}': {exception.Message}", exception) { ErrorCode = exception.ErrorCode };
}
