using System.Globalization;
using System.Net;
using ExoJobRunner.Doctor;
using ExoJobRunner.Exchange.Authentication;
using ExoJobRunner.Exchange.Rest;

namespace ExoJobRunner.Exchange.Diagnostics;

/// <summary>
/// Turns Exchange Online's refusal of a cmdlet into the set-up fix. Matched on the texts Exchange Online returns, as
/// Microsoft documents them for app-only access: "The role assigned to application … isn't supported in this scenario"
/// when the app has no Entra role Exchange supports, and "User is not allowed to call …" when its role lacks the cmdlet.
/// </summary>
internal static class ExchangeRefusalAdvice
{
    private const string UnsupportedRoleText = "supported in this scenario";
    private const string NotAllowedText = "is not allowed to call";

    public static DoctorCheckResult Explain(ExchangeCommandException exception, string appId)
    {
        var said = exception.ErrorMessage ?? exception.Message;
        var reference = exception.RequestId is { } requestId ? $" (request id {requestId})" : string.Empty;

        if (said.Contains(UnsupportedRoleText, StringComparison.OrdinalIgnoreCase))
        {
            return DoctorCheckResult.Failed(
                DoctorFailureKind.Authentication,
                "the app has no Entra role Exchange Online supports",
                $"Exchange Online refused application {appId}: \"{said}\"{reference}. The app's service principal has no " +
                "Microsoft Entra role that Exchange Online accepts for app-only access.",
                RoleAssignmentFix(appId));
        }

        if (said.Contains(NotAllowedText, StringComparison.OrdinalIgnoreCase))
        {
            return DoctorCheckResult.Failed(
                DoctorFailureKind.Authentication,
                "the app's role may not run it",
                $"Exchange Online refused application {appId}: \"{said}\"{reference}. The app's Entra role does not include " +
                $"{exception.CmdletName}: Global Reader and Security Reader, for example, may only read.",
                RoleAssignmentFix(appId));
        }

        if (exception.HttpStatus is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return DoctorCheckResult.Failed(
                DoctorFailureKind.Authentication,
                string.Create(CultureInfo.InvariantCulture, $"refused (HTTP {(int)exception.HttpStatus})"),
                $"Exchange Online refused application {appId}: \"{said}\"{reference}.",
                $"Make sure the app has Exchange.ManageAsApp: {EntraErrorAdvice.ConsentAdvice} Then: {RoleAssignmentFix(appId)}");
        }

        return DoctorCheckResult.Failed(
            DoctorFailureKind.Other,
            exception.HttpStatus is { } status
                ? string.Create(CultureInfo.InvariantCulture, $"failed (HTTP {(int)status})")
                : "Exchange Online could not be reached",
            exception.Message,
            exception.HttpStatus is null
                ? "Check network access and proxy settings to Exchange Online, then run 'exojobs doctor' again."
                : "Run 'exojobs doctor' again later; if it keeps failing, give Microsoft support the request id.");
    }

    /// <summary>
    /// How to give the app a role Exchange Online supports. ApplicationImpersonation is deliberately absent: it was
    /// retired in February 2025 and never applied to app-only PowerShell access.
    /// </summary>
    public static string RoleAssignmentFix(string appId) =>
        "Assign the app's service principal a Microsoft Entra role that Exchange Online supports for app-only access: " +
        "Exchange Administrator, or a narrower one such as Exchange Recipient Administrator (recipient jobs) or Global Reader " +
        "(read-only jobs). In the Microsoft Entra admin center open Roles & admins > Roles & admins, select the role, then " +
        $"Add assignments and select the app (application id {appId}). A new role takes effect in a new token, which can " +
        "take up to an hour; then run 'exojobs doctor' again.";
}
