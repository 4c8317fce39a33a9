using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ExoJobRunner.Sandbox.Registration;
using ExoJobRunner.Shared;

namespace ExoJobRunner.Sandbox.Entra;

/// <summary>
/// Issues and verifies the sandbox's access tokens: RS256 JWTs shaped like Entra's v1 app-only tokens for Exchange Online
/// (<c>appid</c>, <c>roles</c>, <c>wids</c>, <c>tid</c>, <c>exp</c>…). Every token is recorded by its <c>uti</c>: only
/// tokens this instance issued are honoured, and each can be revoked, one at a time or all at once.
/// </summary>
internal sealed class AccessTokenService : IDisposable
{
    /// <summary>Entra's usual lifetime of an app-only token.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(3599);

    private readonly RSA signingKey = SigningKeyMaterial.Create();
    private readonly SandboxDirectory directory;
    private readonly TimeProvider clock;
    private readonly SandboxActivity activity;
    private readonly ConcurrentDictionary<string, long> issued = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> revoked = new(StringComparer.Ordinal);
    private long lastSerial;
    private long revokedThroughSerial;

    /// <param name="lifetime">How long tokens last (the <c>token:</c> entry of the fault spec), Entra's 3599 seconds by default.</param>
    public AccessTokenService(SandboxDirectory directory, TimeProvider clock, SandboxActivity activity, TimeSpan? lifetime = null)
    {
        this.directory = directory;
        this.clock = clock;
        this.activity = activity;
        Lifetime = lifetime ?? DefaultLifetime;
        KeyId = Base64Url.EncodeToString(SHA256.HashData(signingKey.ExportSubjectPublicKeyInfo()))[..27];
    }

    public string KeyId { get; }

    public TimeSpan Lifetime { get; }

    public string Issuer => $"https://sts.windows.net/{directory.TenantId}/";

    public string Issue(RegisteredApp app, string audience)
    {
        var now = clock.GetUtcNow();
        var tokenId = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        issued[tokenId] = Interlocked.Increment(ref lastSerial);

        var header = new JsonObject { ["typ"] = "JWT", ["x5t"] = KeyId, ["kid"] = KeyId };
        var payload = new JsonObject
        {
            ["aud"] = audience,
            ["iss"] = Issuer,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + Lifetime).ToUnixTimeSeconds(),
            ["app_displayname"] = app.Registration.DisplayName,
            ["appid"] = app.AppId,
            ["appidacr"] = "2",
            ["idp"] = Issuer,
            ["idtyp"] = "app",
            ["oid"] = app.ServicePrincipalId.ToString(),
            ["sub"] = app.ServicePrincipalId.ToString(),
            ["tid"] = directory.TenantId.ToString(),
            ["uti"] = tokenId,
            ["ver"] = "1.0",
        };
        if (app.Registration.Permissions.Count > 0)
        {
            payload["roles"] = new JsonArray([.. app.Registration.Permissions.Select(p => JsonValue.Create(p))]);
        }

        if (DirectoryRoleDefinition.For(app.Registration.Role) is { } role)
        {
            payload["wids"] = new JsonArray(JsonValue.Create(role.TemplateId));
        }

        activity.TokenIssued();
        return JwsSignature.Sign(header, payload, signingKey);
    }

    /// <param name="audiences">Audiences the Exchange side answers to.</param>
    public AccessTokenCheck Validate(string token, IReadOnlyCollection<string> audiences)
    {
        if (CompactJwt.TryRead(token) is not { Algorithm: "RS256" } jws)
        {
            return AccessTokenCheck.Refused("The access token is malformed.");
        }

        if (jws.HeaderString("kid") != KeyId || !JwsSignature.Verify(jws, signingKey))
        {
            return AccessTokenCheck.Refused("The access token's signature is invalid.");
        }

        var now = clock.GetUtcNow();
        var tokenId = jws.ClaimString("uti") ?? string.Empty;
        // Exchange allows the usual five minutes of clock skew past exp before it calls a token expired.
        if (jws.ClaimTime("exp") is not { } expires || expires + ClientAssertionValidator.ClockSkew < now)
        {
            activity.ExpiredTokenRefused();
            return AccessTokenCheck.Refused("The access token has expired.");
        }

        if (jws.ClaimTime("nbf") is { } notBefore && notBefore - ClientAssertionValidator.ClockSkew > now)
        {
            return AccessTokenCheck.Refused("The access token isn't valid yet.");
        }

        if (!audiences.Contains(jws.ClaimString("aud") ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            return AccessTokenCheck.Refused("The access token was issued for another audience.");
        }

        if (!Guid.TryParse(jws.ClaimString("tid"), out var tenantId) || tenantId != directory.TenantId || jws.ClaimString("iss") != Issuer)
        {
            return AccessTokenCheck.Refused("The access token was issued by another tenant.");
        }

        if (!issued.TryGetValue(tokenId, out var serial))
        {
            return AccessTokenCheck.Refused("The access token wasn't issued by this sandbox.");
        }

        if (serial <= Interlocked.Read(ref revokedThroughSerial) || revoked.ContainsKey(tokenId))
        {
            return AccessTokenCheck.Refused("The access token has been revoked.");
        }

        return new AccessTokenCheck(
            new AccessTokenClaims(jws.ClaimString("appid") ?? string.Empty, jws.ClaimStrings("roles"), jws.ClaimStrings("wids"), tokenId),
            null);
    }

    public void Revoke(string tokenId) => revoked[tokenId] = true;

    /// <summary>Revokes every token issued so far; tokens issued afterwards are good.</summary>
    public void RevokeAll() => Interlocked.Exchange(ref revokedThroughSerial, Interlocked.Read(ref lastSerial));

    /// <summary>The signing key as a JSON Web Key Set, for the discovery document's <c>jwks_uri</c>.</summary>
    public JsonObject KeySet()
    {
        var parameters = signingKey.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = KeyId,
                ["x5t"] = KeyId,
                ["n"] = Base64Url.EncodeToString(parameters.Modulus),
                ["e"] = Base64Url.EncodeToString(parameters.Exponent),
                ["issuer"] = Issuer,
            }),
        };
    }

    public void Dispose() => signingKey.Dispose();
}
