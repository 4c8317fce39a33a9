using System.Globalization;

namespace ExoJobRunner.Sandbox.Entra;

/// <summary>The token endpoint's refusals, with the AADSTS codes and wording Microsoft Entra uses, in one place.</summary>
internal static class EntraErrors
{
    private const string CertificateCredentialsDocumentation = "https://learn.microsoft.com/entra/identity-platform/certificate-credentials";

    public static EntraError MissingParameter(string name) => new(
        400, "invalid_request", 900144, $"The request body must contain the following parameter: '{name}'.");

    public static EntraError UnsupportedGrantType(string grantType) => new(
        400, "unsupported_grant_type", 70003, $"The app requested an unsupported grant type '{grantType}'.");

    public static EntraError TenantNotFound(string tenant) => new(
        400, "invalid_request", 90002,
        $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. "
        + "Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.");

    public static EntraError ApplicationNotFound(string appId, string directory) => new(
        400, "unauthorized_client", 700016,
        $"Application with identifier '{appId}' was not found in the directory '{directory}'. This can happen if the application "
        + "has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent "
        + "your authentication request to the wrong tenant.");

    public static EntraError CredentialRequired() => new(
        401, "invalid_client", 7000216, "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");

    public static EntraError SecretNotAccepted() => new(
        401, "invalid_client", 7000215,
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client "
        + "secret ID, for a secret added to app. The sandbox registers certificates only.");

    public static EntraError UnsupportedAssertionType(string type) => new(
        400, "invalid_request", 50027, $"JWT token is invalid or malformed. The client_assertion_type '{type}' isn't supported.");

    public static EntraError MalformedAssertion() => new(400, "invalid_request", 50027, "JWT token is invalid or malformed.");

    public static EntraError KeyNotRegistered(string thumbprint, string appId) => new(
        401, "invalid_client", 700027,
        "The certificate with identifier used to sign the client assertion is not registered on application. "
        + $"[Reason - The key was not found., Thumbprint of key used by client: '{thumbprint}', Please visit the Azure Portal, "
        + $"Graph Explorer or directly use MS Graph to see configured keys for app Id '{appId}'.]");

    public static EntraError InvalidSignature(string thumbprint, DateTime keyStart, DateTime keyEnd) => new(
        401, "invalid_client", 700027,
        "Client assertion contains an invalid signature. [Reason - The provided signature value did not match the expected "
        + $"signature value., Thumbprint of key used by client: '{thumbprint}', Found key 'Start={KeyDate(keyStart)}, End={KeyDate(keyEnd)}']");

    public static EntraError UnsupportedAlgorithm(string? algorithm) => new(
        401, "invalid_client", 700027,
        $"Client assertion contains an invalid signature. [Reason - The signing algorithm '{algorithm}' isn't supported; use PS256 or RS256.]");

    public static EntraError AudienceMismatch() => new(
        401, "invalid_client", 50012, "Client assertion audience claim does not match Realm issuer.");

    public static EntraError IssuerMismatch() => new(
        401, "invalid_client", 700021,
        $"Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at {CertificateCredentialsDocumentation} .");

    public static EntraError AssertionOutsideValidity(DateTimeOffset now, DateTimeOffset? notBefore, DateTimeOffset? expires) => new(
        401, "invalid_client", 700024,
        $"Client assertion is not within its valid time range. Current time: {Round(now)}, assertion valid from "
        + $"{Round(notBefore ?? DateTimeOffset.UnixEpoch)}, expiry time of assertion {Round(expires ?? DateTimeOffset.UnixEpoch)}. "
        + $"Review the documentation at {CertificateCredentialsDocumentation} .");

    public static EntraError ScopeWithoutDefault(string scope) => new(
        400, "invalid_scope", 1002012,
        $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default "
        + "suffixed to the resource identifier (application ID URI).");

    public static EntraError MultipleScopes() => new(
        400, "invalid_scope", 70011,
        "The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid.");

    public static EntraError ResourceNotFound(string resource, string tenant) => new(
        400, "invalid_resource", 500011,
        $"The resource principal named {resource} was not found in the tenant named {tenant}. This can happen if the application "
        + "has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent "
        + "your authentication request to the wrong tenant.");

    private static string Round(DateTimeOffset time) => time.UtcDateTime.ToString("o", CultureInfo.InvariantCulture);

    private static string KeyDate(DateTime time) => time.ToString("MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
}
