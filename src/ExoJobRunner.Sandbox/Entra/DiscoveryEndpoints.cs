using System.Text.Json.Nodes;
using ExoJobRunner.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace ExoJobRunner.Sandbox.Entra;

/// <summary>
/// The metadata MSAL may fetch before it asks for a token: the tenant's OpenID configuration (v2.0 and v1 paths), its
/// signing keys, and the instance-discovery document (answered with this host as its own only alias).
/// </summary>
internal sealed class DiscoveryEndpoints(SandboxDirectory directory, AccessTokenService tokens)
{
    public async Task OpenIdConfigurationAsync(HttpContext context, string tenant)
    {
        if (!directory.Identifies(tenant))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await WriteAsync(context, new JsonObject
            {
                ["error"] = "invalid_tenant",
                ["error_description"] = "AADSTS90002: " + EntraErrors.TenantNotFound(tenant).Description,
                ["error_codes"] = new JsonArray(90002),
            });
            return;
        }

        var tenantUri = $"{RequestOrigin.Of(context.Request)}/{directory.TenantId}";
        await WriteAsync(context, new JsonObject
        {
            ["token_endpoint"] = $"{tenantUri}/oauth2/v2.0/token",
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            ["jwks_uri"] = $"{tenantUri}/discovery/v2.0/keys",
            ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post"),
            ["subject_types_supported"] = new JsonArray("pairwise"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "id_token token"),
            ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
            ["issuer"] = $"{tenantUri}/v2.0",
            ["request_uri_parameter_supported"] = false,
            ["authorization_endpoint"] = $"{tenantUri}/oauth2/v2.0/authorize",
            ["tenant_region_scope"] = "WW",
            ["cloud_instance_name"] = context.Request.Host.Host,
        });
    }

    public Task KeysAsync(HttpContext context, string tenant)
    {
        if (!directory.Identifies(tenant))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return WriteAsync(context, new JsonObject { ["error"] = "invalid_tenant" });
        }

        return WriteAsync(context, tokens.KeySet());
    }

    public Task InstanceDiscoveryAsync(HttpContext context)
    {
        var host = context.Request.Host.ToString();
        return WriteAsync(context, new JsonObject
        {
            ["tenant_discovery_endpoint"] = $"{RequestOrigin.Of(context.Request)}/{directory.TenantId}/v2.0/.well-known/openid-configuration",
            ["api-version"] = "1.1",
            ["metadata"] = new JsonArray(new JsonObject
            {
                ["preferred_network"] = host,
                ["preferred_cache"] = host,
                ["aliases"] = new JsonArray(host),
            }),
        });
    }

    private static Task WriteAsync(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(SandboxJson.SerializerOptions), context.RequestAborted);
    }
}
