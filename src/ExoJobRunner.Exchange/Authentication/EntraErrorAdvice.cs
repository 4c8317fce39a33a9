using System.Text.RegularExpressions;
using ExoJobRunner.Exchange.Connection;
using Microsoft.Identity.Client;

namespace ExoJobRunner.Exchange.Authentication;

/// <summary>
/// Turns Entra ID's token errors into messages an Exchange administrator can act on. Entra reports the cause as an
/// AADSTS code inside the error text (for example "AADSTS700016: Application with identifier … was not found").
/// </summary>
internal static partial class EntraErrorAdvice
{
    /// <summary>Where the one permission Exchange Online app-only access needs is granted.</summary>
    public const string ConsentAdvice =
        "In the Microsoft Entra admin center open the app registration, then API permissions > Add a permission > " +
        "APIs my organization uses > Office 365 Exchange Online > Application permissions > Exchange.ManageAsApp > Add permissions, " +
        "then grant admin consent ('Grant admin consent for <your tenant>').";

    public static ExchangeConnectionException Translate(MsalServiceException exception, string appId, string organization, string certificateThumbprint)
    {
        var code = AadstsCode().Match(exception.Message) is { Success: true } match ? match.Value : null;
        var (cause, fix) = code switch
        {
            "AADSTS700016" => (
                $"Application {appId} was not found in tenant {organization}.",
                "Check the app id: it must be the Application (client) ID on the app registration's Overview page in this tenant " +
                "(an app registered in another tenant must first be consented to by an administrator of this one)."),
            "AADSTS700027" => (
                $"Entra ID could not verify the request signed with certificate {certificateThumbprint}: it is not a certificate uploaded to application {appId}.",
                "Upload this certificate's public part (.cer) to the app registration under Certificates & secrets > Certificates, " +
                "or point the profile at the certificate that is uploaded."),
            "AADSTS700024" => (
                "The signed request is outside its valid time range: this machine's clock is probably wrong.",
                "Synchronise the clock (NTP)."),
            "AADSTS50032" => (
                $"Entra ID refused certificate {certificateThumbprint}: its RSA key is shorter than 2048 bits.",
                "Create a certificate with an RSA key of at least 2048 bits, upload its public part to the app registration and point the profile at it."),
            "AADSTS90002" => (
                $"Tenant {organization} was not found.",
                "The organization must be the tenant's *.onmicrosoft.com domain (for example contoso.onmicrosoft.com)."),
            "AADSTS900023" => (
                $"'{organization}' is not a valid tenant name.",
                "Use the tenant's *.onmicrosoft.com domain."),
            "AADSTS7000112" => (
                $"Application {appId} is disabled in tenant {organization}.",
                "Enable it under Enterprise applications."),
            "AADSTS65001" or "AADSTS650057" => (
                $"Application {appId} is not allowed to call Exchange Online: its Exchange permission has no admin consent.",
                ConsentAdvice),
            "AADSTS500011" => (
                $"Exchange Online was not found in tenant {organization}.",
                "Check the organization, and that the tenant has Exchange Online."),
            _ => (
                $"Entra ID refused the token request for application {appId} in tenant {organization}.",
                "Look Entra ID's AADSTS code up in Microsoft's reference (https://learn.microsoft.com/entra/identity-platform/reference-error-codes)."),
        };

        var said = FirstPart(exception.Message);
        return new ExchangeConnectionException($"{cause} {fix} (Entra ID said: {said})", exception)
        {
            ErrorCode = code ?? exception.ErrorCode,
            Cause = $"{cause} (Entra ID said: {said})",
            Fix = fix,
        };
    }

    /// <summary>Entra's text ends with trace and correlation ids and a timestamp; the cause is the part before them.</summary>
    private static string FirstPart(string message)
    {
        var trace = message.IndexOf("Trace ID:", StringComparison.Ordinal);
        var cause = trace > 0 ? message[..trace] : message;
        return cause.ReplaceLineEndings(" ").Trim();
    }

    [GeneratedRegex(@"AADSTS\d+", RegexOptions.CultureInvariant)]
    private static partial Regex AadstsCode();
}
