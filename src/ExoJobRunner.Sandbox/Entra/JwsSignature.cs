using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ExoJobRunner.Shared;

namespace ExoJobRunner.Sandbox.Entra;

/// <summary>
/// Signs and verifies compact JWS with System.Security.Cryptography: RS256 is RSASSA-PKCS1-v1_5 with SHA-256, PS256 is
/// RSASSA-PSS with SHA-256. Reading a token is <see cref="CompactJwt"/>'s job.
/// </summary>
internal static class JwsSignature
{
    public static string Sign(JsonObject header, JsonObject payload, RSA key)
    {
        header["alg"] = "RS256";
        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>Whether <paramref name="token"/>'s signature verifies with <paramref name="key"/>; false for any algorithm but RS256 and PS256.</summary>
    public static bool Verify(CompactJwt token, RSA key) => token.Algorithm switch
    {
        "RS256" => key.VerifyData(token.SigningInput, token.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        "PS256" => key.VerifyData(token.SigningInput, token.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
        _ => false,
    };

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
