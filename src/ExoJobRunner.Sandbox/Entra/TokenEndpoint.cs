using System.Globalization;
using System.Text.Json;
using ExoJobRunner.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ExoJobRunner.Sandbox.Entra;

/// <summary>
/// <c>POST /{tenant}/oauth2/v2.0/token</c>: the client-credentials grant with a certificate client assertion, answering
/// with Entra's token response or its error shape (<c>error</c>, <c>error_description</c> starting with the AADSTS code,
/// <c>error_codes</c>, trace and correlation ids). Nothing from the request body is ever written anywhere but the checks.
/// </summary>
internal sealed class TokenEndpoint(SandboxDirectory directory, AccessTokenService tokens, TimeProvider clock, ListeningAddress address)
{
    public async Task HandleAsync(HttpContext context, string tenant)
    {
        var request = context.Request;
        var response = context.Response;
        var correlationId = Guid.TryParse(request.Headers["client-request-id"], out var given) ? given : Guid.NewGuid();
        var traceId = Guid.NewGuid();
        response.Headers["x-ms-request-id"] = traceId.ToString();
        response.Headers.CacheControl = "no-store, no-cache";
        response.Headers.Pragma = "no-cache";
        if (string.Equals(request.Headers["return-client-request-id"], "true", StringComparison.OrdinalIgnoreCase))
        {
            response.Headers["client-request-id"] = correlationId.ToString();
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        var outcome = Grant(request, tenant, form);
        response.ContentType = "application/json; charset=utf-8";
        if (outcome.Error is { } error)
        {
            response.StatusCode = error.Status;
            await WriteErrorAsync(response, error, traceId, correlationId, RequestOrigin.Of(request));
            return;
        }

        await using var writer = new Utf8JsonWriter(response.Body, SandboxJson.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("token_type", "Bearer");
        writer.WriteNumber("expires_in", (long)tokens.Lifetime.TotalSeconds);
        writer.WriteNumber("ext_expires_in", (long)tokens.Lifetime.TotalSeconds);
        writer.WriteString("access_token", outcome.AccessToken);
        writer.WriteEndObject();
    }

    private (EntraError? Error, string? AccessToken) Grant(HttpRequest request, string tenant, IFormCollection form)
    {
        if (!directory.Identifies(tenant))
        {
            return (EntraErrors.TenantNotFound(tenant), null);
        }

        if (Missing(form, "grant_type") is { } noGrant)
        {
            return (noGrant, null);
        }

        if (form["grant_type"] != "client_credentials")
        {
            return (EntraErrors.UnsupportedGrantType(form["grant_type"]!), null);
        }

        if ((Missing(form, "client_id") ?? Missing(form, "scope")) is { } missing)
        {
            return (missing, null);
        }

        var app = directory.FindApp(form["client_id"]!);
        if (app is null)
        {
            return (EntraErrors.ApplicationNotFound(form["client_id"]!, directory.DisplayName), null);
        }

        var origins = RequestOrigin.Both(request, address.BaseUri);
        if (!ExchangeResource.TryResolve(
                form["scope"]!, origins, CloudHosts.ExchangeResourceUri(directory.Cloud), directory.Domains.Initial, out var audience, out var scopeError))
        {
            return (scopeError, null);
        }

        if (StringValues.IsNullOrEmpty(form["client_assertion"]))
        {
            return (StringValues.IsNullOrEmpty(form["client_secret"]) ? EntraErrors.CredentialRequired() : EntraErrors.SecretNotAccepted(), null);
        }

        if (form["client_assertion_type"] != ClientAssertionValidator.AssertionType)
        {
            return (EntraErrors.UnsupportedAssertionType(form["client_assertion_type"].ToString()), null);
        }

        // The token endpoint under this tenant, on the host the request used, the sandbox's own or the cloud's real login
        // host (which public clients hard-code and Microsoft documents), naming the tenant by the path's name, its id or a domain.
        var assertionAudiences = origins.Append(CloudHosts.LoginOrigin(directory.Cloud))
            .SelectMany(origin => directory.TenantNames.Prepend(tenant).Select(name => $"{origin}/{name}/oauth2/v2.0/token"))
            .ToArray();
        var refusal = ClientAssertionValidator.Validate(form["client_assertion"]!, app, assertionAudiences, clock.GetUtcNow());
        return refusal is null ? (null, tokens.Issue(app, audience)) : (refusal, null);
    }

    private static EntraError? Missing(IFormCollection form, string name) =>
        StringValues.IsNullOrEmpty(form[name]) ? EntraErrors.MissingParameter(name) : null;

    private async Task WriteErrorAsync(HttpResponse response, EntraError error, Guid traceId, Guid correlationId, string origin)
    {
        var timestamp = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        await using var writer = new Utf8JsonWriter(response.Body, SandboxJson.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("error", error.Error);
        writer.WriteString(
            "error_description",
            string.Create(CultureInfo.InvariantCulture, $"AADSTS{error.Code}: {error.Description} Trace ID: {traceId} Correlation ID: {correlationId} Timestamp: {timestamp}"));
        writer.WriteStartArray("error_codes");
        writer.WriteNumberValue(error.Code);
        writer.WriteEndArray();
        writer.WriteString("timestamp", timestamp);
        writer.WriteString("trace_id", traceId.ToString());
        writer.WriteString("correlation_id", correlationId.ToString());
        writer.WriteString("error_uri", string.Create(CultureInfo.InvariantCulture, $"{origin}/error?code={error.Code}"));
        writer.WriteEndObject();
    }
}
