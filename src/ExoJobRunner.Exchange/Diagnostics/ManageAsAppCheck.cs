using ExoJobRunner.Doctor;
using ExoJobRunner.Exchange.Authentication;
using ExoJobRunner.Shared;

namespace ExoJobRunner.Exchange.Diagnostics;

/// <summary>
/// The token carries the <c>Exchange.ManageAsApp</c> application permission in its <c>roles</c> claim. Without admin
/// consent Entra ID still issues a token, just without it, and Exchange then refuses every cmdlet; reading the claim
/// names the cause before that. Prints the roles the token has, never the token.
/// </summary>
internal sealed class ManageAsAppCheck(ConnectionCheckContext context) : DoctorCheck
{
    public const string ManageAsAppPermission = "Exchange.ManageAsApp";

    public override string Name => ManageAsAppPermission;

    public override Task<DoctorCheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var accessToken = context.AccessToken ?? throw new InvalidOperationException("The token check must pass before this one runs.");
        var appId = context.AppId;
        // Read without checking the signature: Exchange does that; the doctor only explains.
        if (CompactJwt.TryRead(accessToken) is not { } token)
        {
            return Task.FromResult(DoctorCheckResult.Warning(
                "not checked: the token's claims cannot be read",
                "The access token is not a JWT whose claims can be read here, so its permissions were not checked.",
                $"If the next check fails with a permission error, make sure the app has {ManageAsAppPermission}: {EntraErrorAdvice.ConsentAdvice}"));
        }

        var roles = token.ClaimStrings("roles");
        if (roles.Contains(ManageAsAppPermission, StringComparer.OrdinalIgnoreCase))
        {
            return Task.FromResult(DoctorCheckResult.Passed($"the token's roles: {string.Join(", ", roles)}"));
        }

        var (summary, cause) = roles.Count == 0
            ? ("the token carries no application permission",
                $"The token Entra ID issued for application {appId} has no roles claim: no Office 365 Exchange Online application " +
                "permission was granted to the app with admin consent.")
            : ($"the token's roles ({string.Join(", ", roles)}) lack {ManageAsAppPermission}",
                $"The token Entra ID issued for application {appId} carries the roles {string.Join(", ", roles)}, but not {ManageAsAppPermission}.");
        return Task.FromResult(DoctorCheckResult.Failed(
            DoctorFailureKind.Authentication,
            summary,
            cause,
            EntraErrorAdvice.ConsentAdvice + " The next token carries it: run 'exojobs doctor' again."));
    }
}
