using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace ExoJobRunner.Sandbox.Tests.Support;

/// <summary>
/// Builds a client assertion by hand, independently of the sandbox's code: a compact JWS whose header names the signing
/// certificate (<c>x5t#S256</c> for PS256, <c>x5t</c> for RS256) and whose claims are the ones Entra requires. Every
/// part can be bent to provoke a refusal.
/// </summary>
public sealed record ClientAssertion
{
    public required X509Certificate2 Certificate { get; init; }

    public required string AppId { get; init; }

    public required string Audience { get; init; }

    /// <summary>PS256 (what MSAL sends) or RS256 (the older form).</summary>
    public string Algorithm { get; init; } = "PS256";

    /// <summary>The certificate whose thumbprint the header names; defaults to the signing certificate.</summary>
    public X509Certificate2? NamedCertificate { get; init; }

    public string? Issuer { get; init; }

    public DateTimeOffset IssuedAt { get; init; } = DateTimeOffset.UtcNow;

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(10);

    public string Build()
    {
        var named = NamedCertificate ?? Certificate;
        var header = new JsonObject { ["alg"] = Algorithm, ["typ"] = "JWT" };
        if (Algorithm == "PS256")
        {
            header["x5t#S256"] = Base64Url.EncodeToString(named.GetCertHash(HashAlgorithmName.SHA256));
        }
        else
        {
            header["x5t"] = Base64Url.EncodeToString(named.GetCertHash());
        }

        var payload = new JsonObject
        {
            ["aud"] = Audience,
            ["iss"] = Issuer ?? AppId,
            ["sub"] = Issuer ?? AppId,
            ["jti"] = Guid.NewGuid().ToString(),
            ["iat"] = IssuedAt.ToUnixTimeSeconds(),
            ["nbf"] = IssuedAt.ToUnixTimeSeconds(),
            ["exp"] = (IssuedAt + Lifetime).ToUnixTimeSeconds(),
        };

        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        using var key = Certificate.GetRSAPrivateKey()!;
        var padding = Algorithm == "PS256" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, padding);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
