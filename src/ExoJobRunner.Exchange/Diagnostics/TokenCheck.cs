using ExoJobRunner.Doctor;
using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Exchange.Diagnostics;

/// <summary>
/// Entra ID issues an app-only token for Exchange Online to the profile's app, signed in with the certificate. Entra's
/// refusals arrive as AADSTS codes, which are turned into plain advice (app not in this tenant, certificate not
/// uploaded, consent missing …). This is where the environment is opened: an in-process sandbox starts here.
/// </summary>
internal sealed class TokenCheck(ConnectionCheckContext context) : DoctorCheck
{
    public override string Name => "Token acquired";

    public override async Task<DoctorCheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var settings = context.RequireSettings();
        var certificate = context.RequireCertificate();
        try
        {
            // The doctor checks the set-up, and a drawn fault would make it fail at random: an in-process sandbox starts
            // with the profile's tenant but without its injected faults.
            var withoutFaults = settings.SandboxOptions is { Faults: not null } sandbox
                ? settings with { SandboxOptions = sandbox with { Faults = null } }
                : settings;
            var signIn = context.ProvidedSignIn;
            var appId = signIn?.AppId ?? ExchangeConnector.RequireAppId(settings);
            var access = await context.Environment.OpenAsync(withoutFaults, certificate, cancellationToken);
            context.UseAccess(access);
            var endpoint = ExchangeEndpoint.Open(access, signIn?.Organization ?? settings.Organization!, context.Options.RequestTimeout);
            context.UseEndpoint(endpoint);

            var tokens = endpoint.CreateTokenProvider(appId, certificate, context.ClientOptions);
            var accessToken = await tokens.GetAccessTokenAsync(forceRefresh: false, context.Options.Logger, cancellationToken);
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
}
