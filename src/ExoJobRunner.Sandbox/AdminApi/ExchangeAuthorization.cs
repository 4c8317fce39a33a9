using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Entra;
using ExoJobRunner.Sandbox.Registration;

namespace ExoJobRunner.Sandbox.AdminApi;

/// <summary>
/// What Exchange Online checks after the token itself: that the app holds <c>Exchange.ManageAsApp</c>, that its directory
/// role (from <c>wids</c>) is one Exchange supports for app-only access, and that the role may run the cmdlet — read-only
/// roles such as Global Reader may not run cmdlets that change anything.
/// </summary>
internal static class ExchangeAuthorization
{
    public static AdminApiError? CheckApp(AccessTokenClaims claims)
    {
        if (!claims.Roles.Contains(SandboxAppRegistration.ManageAsAppPermission, StringComparer.OrdinalIgnoreCase))
        {
            return AdminApiError.Unauthorized(
                "UnAuthorized",
                $"The access token of application '{claims.AppId}' has no '{SandboxAppRegistration.ManageAsAppPermission}' role: "
                + "grant the app that application permission (Office 365 Exchange Online) with admin consent.");
        }

        return Role(claims) is { SupportedByExchange: true }
            ? null
            : AdminApiError.Unauthorized(
                $"The role assigned to application {claims.AppId} isn't supported in this scenario. Please check online documentation "
                + "for assigning correct Directory Roles to Azure AD Application for EXO App-Only Authentication.");
    }

    public static bool MayRun(AccessTokenClaims claims, CmdletSignature cmdlet) =>
        Role(claims) is { SupportedByExchange: true } role && (cmdlet.Access == CmdletAccess.Read || role.MayWrite);

    private static DirectoryRoleDefinition? Role(AccessTokenClaims claims) =>
        claims.DirectoryRoles
            .Select(DirectoryRoleDefinition.ForTemplateId)
            .OfType<DirectoryRoleDefinition>()
            .OrderByDescending(role => role.SupportedByExchange)
            .ThenByDescending(role => role.MayWrite)
            .FirstOrDefault();
}
