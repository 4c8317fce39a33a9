using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Connection;
using Microsoft.Identity.Client;

namespace ExoJobRunner.Exchange.Authentication;

/// <summary>
/// App-only tokens for Exchange Online from MSAL's certificate credential. Ask before every request: MSAL answers from
/// its in-memory cache and renews the token shortly before it expires, so nothing here tracks expiry.
/// </summary>
internal sealed class ExchangeTokenProvider
{
    private readonly IConfidentialClientApplication application;
    private readonly string[] scopes;
    private readonly string appId;
    private readonly string organization;
    private readonly string certificateThumbprint;

    private ExchangeTokenProvider(IConfidentialClientApplication application, string scope, string appId, string organization, string certificateThumbprint)
    {
        this.application = application;
        scopes = [scope];
        this.appId = appId;
        this.organization = organization;
        this.certificateThumbprint = certificateThumbprint;
    }

    /// <summary>
    /// A provider for <paramref name="authority"/>, the same for every environment. The authority comes from exojobs' own
    /// table of Microsoft's clouds (or is a sandbox's), never from the network, so MSAL's instance discovery — which also
    /// validates the authority — is off: it could add nothing but a round trip, and a sandbox on loopback could not pass
    /// it. MSAL's requests go through <paramref name="httpClient"/>, with the same trust, headers and timeout as the
    /// admin API's.
    /// </summary>
    public static ExchangeTokenProvider Create(
        Uri authority, string scope, string appId, string organization, X509Certificate2 certificate, HttpClient httpClient)
    {
        var application = ConfidentialClientApplicationBuilder.Create(appId)
            .WithCertificate(certificate, sendX5C: false)
            .WithAuthority(authority.AbsoluteUri)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new FixedMsalHttpClientFactory(httpClient))
            .Build();
        return new ExchangeTokenProvider(application, scope, appId, organization, certificate.Thumbprint);
    }

    /// <param name="forceRefresh">Skip MSAL's cache: Exchange answered 401 to the cached token.</param>
    /// <param name="cancellationToken">Cancels the token request.</param>
    public async Task<string> GetAccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        try
        {
            var result = await application.AcquireTokenForClient(scopes)
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        catch (MsalServiceException exception)
        {
            throw EntraErrorAdvice.Translate(exception, appId, organization, certificateThumbprint);
        }
        catch (MsalClientException exception)
        {
            var cause = $"The token request for application {appId} in tenant {organization} failed before reaching Entra ID: {exception.Message}";
            const string fix = "Check the certificate (its private key must be usable by this account) and the organization.";
            throw new ExchangeConnectionException($"{cause} {fix}", exception) { ErrorCode = exception.ErrorCode, Cause = cause, Fix = fix };
        }
        catch (HttpRequestException exception)
        {
            throw ExchangeConnectionException.Because(
                $"Could not reach the identity platform for tenant {organization}: {exception.Message}.",
                "Check network access and proxy settings.",
                exception);
        }
    }
}
