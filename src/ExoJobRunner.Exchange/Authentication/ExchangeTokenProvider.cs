using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Resilience;
using ExoJobRunner.Exchange.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;
using Polly;

namespace ExoJobRunner.Exchange.Authentication;

/// <summary>
/// App-only tokens for Exchange Online from MSAL's certificate credential. Ask before every request: MSAL answers from
/// its in-memory cache and renews the token shortly before it expires, so nothing here tracks expiry. A token request
/// that meets a transport fault or a transient status is retried like a cmdlet's request (<see cref="ExchangeRetryPipeline"/>).
/// </summary>
internal sealed class ExchangeTokenProvider
{
    private readonly IConfidentialClientApplication application;
    private readonly ResiliencePipeline retry;
    private readonly int maxAttempts;
    private readonly string[] scopes;
    private readonly string appId;
    private readonly string organization;
    private readonly string certificateThumbprint;

    private ExchangeTokenProvider(
        IConfidentialClientApplication application, string scope, string appId, string organization, string certificateThumbprint, ExchangeClientOptions options)
    {
        this.application = application;
        retry = ExchangeRetryPipeline.Create(options.Retry, options.TimeProvider);
        maxAttempts = options.Retry.MaxAttempts;
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
    /// <param name="authority">The identity platform's tenant address.</param>
    /// <param name="scope">The Exchange resource's <c>/.default</c>.</param>
    /// <param name="appId">The app registration's application (client) id.</param>
    /// <param name="organization">The tenant, for messages.</param>
    /// <param name="certificate">Signs the client assertions.</param>
    /// <param name="httpClient">Carries MSAL's requests.</param>
    /// <param name="options">The retry budget and clock of token requests, the same as of cmdlets.</param>
    public static ExchangeTokenProvider Create(
        Uri authority, string scope, string appId, string organization, X509Certificate2 certificate, HttpClient httpClient, ExchangeClientOptions options)
    {
        var application = ConfidentialClientApplicationBuilder.Create(appId)
            .WithCertificate(certificate, sendX5C: false)
            .WithAuthority(authority.AbsoluteUri)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new FixedMsalHttpClientFactory(httpClient))
            .Build();
        return new ExchangeTokenProvider(application, scope, appId, organization, certificate.Thumbprint, options);
    }

    /// <param name="forceRefresh">Skip MSAL's cache: Exchange answered 401 to the cached token.</param>
    /// <param name="logger">Receives the retry notices.</param>
    /// <param name="cancellationToken">Cancels the token request and its retry waits.</param>
    public async Task<string> GetAccessTokenAsync(bool forceRefresh, ILogger logger, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ExchangeRetryPipeline.RetryNoticeKey, (fault, delay, attempt) =>
            ExchangeLog.RetryingTokenRequest(logger, organization, ExchangeRetryPipeline.Describe(fault), ExchangeRetryPipeline.Describe(delay), attempt, maxAttempts));
        try
        {
            var result = await retry.ExecuteAsync(
                static (context, state) => new ValueTask<AuthenticationResult>(state.application.AcquireTokenForClient(state.scopes)
                    .WithForceRefresh(state.forceRefresh)
                    .ExecuteAsync(context.CancellationToken)),
                context,
                (application, scopes, forceRefresh));
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
        catch (Exception exception) when (ExchangeTransientFaults.IsTransportFault(exception, cancellationToken))
        {
            throw ExchangeConnectionException.Because(
                $"Could not reach the identity platform for tenant {organization}: {exception.Message}",
                "Check network access and proxy settings.",
                exception);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
