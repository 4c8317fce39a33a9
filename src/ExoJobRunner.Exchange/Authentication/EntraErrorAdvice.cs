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
    private const string ConsentAdvice =
        "In the app registration's API permissions add Office 365 Exchange Online > Exchange.ManageAsApp " +
        "(application permission) and grant admin consent.";

    public static ExchangeConnectionException Translate(MsalServiceException exception, string appId, string organization, string certificateThumbprint)
    {
        var code = AadstsCode().Match(exception.Message) is { Success: true } match ? match.Value : null;
        var advice = code switch
        {
            "AADSTS700016" =>
                $"Application {appId} was not found in tenant {organization}. Check the app id, and that the app registration " +
                "belongs to (or was consented to in) this tenant.",
            "AADSTS700027" =>
                $"Entra ID could not verify the request signed with certificate {certificateThumbprint}. Upload this certificate's " +
                "public part (.cer) to the app registration under Certificates & secrets, or point the profile at the certificate that is uploaded.",
            "AADSTS700024" =>
                "The signed request is outside its valid time range: this machine's clock is probably wrong. Synchronise it (NTP).",
            "AADSTS90002" =>
                $"Tenant {organization} was not found. The organization must be the tenant's *.onmicrosoft.com domain (for example contoso.onmicrosoft.com).",
            "AADSTS900023" =>
                $"'{organization}' is not a valid tenant name. Use the tenant's *.onmicrosoft.com domain.",
            "AADSTS7000112" =>
                $"Application {appId} is disabled in tenant {organization}. Enable it under Enterprise applications.",
            "AADSTS65001" or "AADSTS650057" =>
                $"Application {appId} is not allowed to call Exchange Online. {ConsentAdvice}",
            "AADSTS500011" =>
                $"Exchange Online was not found in tenant {organization}. Check the organization, and that the tenant has Exchange Online.",
            _ => $"Entra ID refused the token request for application {appId} in tenant {organization}.",
        };

        return new ExchangeConnectionException($"{advice} (Entra ID said: {FirstPart(exception.Message)})", exception) { ErrorCode = code ?? exception.ErrorCode };
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
