using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Exchange.Diagnostics;

/// <summary>
/// Entra ID issues an app-only token for Exchange Online to the profile's app, signed in with the certificate. Entra's
/// refusals arrive as AADSTS codes, which are turned into plain advice (app not in this tenant, certificate not
/// uploaded, consent missing …). For the in-process sandbox this is where the sandbox starts.
/// </summary>
internal sealed class TokenCheck : DoctorCheck
{
    public override string Name => "Token acquired";

    public override async Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var settings = context.RequireSettings();
        var certificate = context.RequireCertificate();
        try
        {
            ExchangeEndpoint endpoint;
            string appId;
            if (context.IsInProcessSandbox)
            {
                (endpoint, appId) = await StartSandboxAsync(context, settings, cancellationToken);
            }
            else
            {
                appId = ExchangeConnector.RequireAppId(settings);
                endpoint = OpenEndpoint(context, settings);
            }

            context.UseEndpoint(endpoint);

            var tokens = endpoint.CreateTokenProvider(appId, certificate);
            var accessToken = await tokens.GetAccessTokenAsync(forceRefresh: false, cancellationToken);
            context.UseToken(appId, tokens, accessToken);
            return DoctorCheckResult.Passed($"Entra ID ({endpoint.Authority.Host}) issued an app-only token for application {appId}");
        }
        catch (ExchangeConnectionException exception)
        {
            var summary = exception.ErrorCode is { } code && code.StartsWith("AADSTS", StringComparison.Ordinal)
                ? $"refused ({code})"
                : "not acquired";
            return DoctorCheckResult.Failed(
                DoctorFailureKind.Authentication,
                summary,
                exception.Cause,
                exception.Fix ?? "Check the app id, the organization and network access to the identity platform, then run 'exojobs doctor' again.");
        }
    }

    /// <summary>
    /// The profile's sandbox, started for this check with its tenant but without the profile's injected faults: the
    /// doctor checks the set-up, and a drawn fault would make it fail at random.
    /// </summary>
    private static async Task<(ExchangeEndpoint Endpoint, string AppId)> StartSandboxAsync(
        DoctorContext context, ExchangeConnectionSettings settings, CancellationToken cancellationToken)
    {
        var withoutFaults = settings with { SandboxOptions = (settings.SandboxOptions ?? new SandboxOptions()) with { Faults = null } };
        var server = await ExchangeConnector.StartSandboxAsync(
            settings.ProfileName, ExchangeConnector.InProcessSandboxOptions(withoutFaults, context.RequireCertificate()), cancellationToken);
        context.UseSandbox(server);
        var endpoint = ExchangeEndpoint.ForSandbox(server.BaseUri, server.AuthorityUri, server.Organization, server.ServerCertificate, context.Options.RequestTimeout);
        return (endpoint, server.AppId);
    }

    private static ExchangeEndpoint OpenEndpoint(DoctorContext context, ExchangeConnectionSettings settings)
    {
        var organization = settings.Organization!;
        if (settings.SandboxOptions?.Url is not { } url)
        {
            return ExchangeEndpoint.ForCloud(ExchangeCloud.For(settings.Environment), organization, context.Options.RequestTimeout);
        }

        using var serverCertificate = ExchangeConnector.LoadServerCertificate(settings.ProfileName, settings.SandboxOptions.ServerCertificatePath);
        return ExchangeConnector.StandaloneSandboxEndpoint(url, organization, serverCertificate, context.Options.RequestTimeout);
    }
}
