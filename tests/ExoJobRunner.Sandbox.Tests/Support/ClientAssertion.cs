using System.Buffers.Text;
using System.Globalization;
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

    /// <summary>How <c>nbf</c> and <c>exp</c> are written; RFC 7519 allows any JSON number, MSAL.NET writes strings.</summary>
    public NumericDateForm NumericDates { get; init; } = NumericDateForm.WholeSeconds;

    /// <summary>An <c>nbf</c> written as given instead of from <see cref="IssuedAt"/>.</summary>
    public JsonNode? RawNotBefore { get; init; }

    /// <summary>An <c>exp</c> written as given instead of from <see cref="IssuedAt"/> and <see cref="Lifetime"/>.</summary>
    public JsonNode? RawExpires { get; init; }

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
            ["nbf"] = RawNotBefore ?? NumericDate(IssuedAt),
            ["exp"] = RawExpires ?? NumericDate(IssuedAt + Lifetime),
        };

        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        using var key = Certificate.GetRSAPrivateKey()!;
        var padding = Algorithm == "PS256" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, padding);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>Seconds since the epoch in the chosen form; the fractional forms keep the milliseconds.</summary>
    private JsonNode NumericDate(DateTimeOffset time)
    {
        var seconds = time.ToUnixTimeMilliseconds() / 1000m;
        return NumericDates switch
        {
            NumericDateForm.Fraction => JsonValue.Create(seconds + 0.25m),
            NumericDateForm.WholeSecondsString => JsonValue.Create(time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            NumericDateForm.FractionString => JsonValue.Create((seconds + 0.25m).ToString(CultureInfo.InvariantCulture)),
            NumericDateForm.Exponent => JsonNode.Parse((seconds / 1_000_000_000m).ToString(CultureInfo.InvariantCulture) + "e9")!,
            _ => JsonValue.Create(time.ToUnixTimeSeconds()),
        };
    }

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
