using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Certificates;

namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// Turns a profile's settings into a connected session, the same way for every environment: the sign-in (the profile's
/// app, or the environment's own) with its certificate loaded and checked before any network call, the environment's
/// access from its provider, and a first token fetched so that a wrong app id or certificate fails at connect rather
/// than in the middle of a job.
/// </summary>
internal sealed class ExchangeConnector(ExchangeSessionPoolOptions options)
{
    public async Task<ExchangeConnection> ConnectAsync(ExchangeConnectionSettings settings, CancellationToken cancellationToken)
    {
        var profile = settings.ProfileName;
        var environment = ExchangeEnvironmentProviders.Resolve(options.Environments, settings);
        var warnings = new List<string>();
        var signIn = SignInFor(environment, settings, warnings);
        ExchangeEnvironmentAccess? access = null;
        ExchangeEndpoint? endpoint = null;
        try
        {
            warnings.AddRange(CheckCertificate(profile, signIn.Certificate));
            access = await environment.OpenAsync(settings, signIn.Certificate, cancellationToken);
            endpoint = ExchangeEndpoint.Open(access, signIn.Organization, options.RequestTimeout);

            var tokens = endpoint.CreateTokenProvider(signIn.AppId, signIn.Certificate, options.Client);
            await ForProfileAsync(profile, () => tokens.GetAccessTokenAsync(forceRefresh: false, options.Logger, cancellationToken));
            var client = endpoint.CreateRestClient(tokens, options.Client);
            var session = Announce(new ExchangeSession(profile, settings.Environment, endpoint.Organization, client, warnings, options.Logger));
            return new ExchangeConnection(settings, session, [endpoint, signIn], access);
        }
        catch
        {
            endpoint?.Dispose();
            if (access is not null)
            {
                await access.DisposeAsync();
            }

            signIn.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Who signs in: the environment's own app (the in-process sandbox), else the profile's app id, organization and
    /// certificate, each checked with a message that names the fix.
    /// </summary>
    internal static EnvironmentSignIn SignInFor(IExchangeEnvironmentProvider environment, ExchangeConnectionSettings settings, List<string> warnings)
    {
        if (environment.ProvideSignIn(settings) is { } provided)
        {
            return provided;
        }

        var profile = settings.ProfileName;
        var appId = RequireAppId(settings);
        var organization = RequireOrganization(settings, warnings);
        var source = settings.CertificateSource ?? throw new ExchangeConnectionException(
            $"Profile '{profile}' has no client certificate: {environment.MissingCertificateAdvice}");
        var certificate = ForProfile(profile, () => CertificateLoader.Load(source));
        return new EnvironmentSignIn(appId, organization, certificate, source.Describe(), certificate);
    }

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
