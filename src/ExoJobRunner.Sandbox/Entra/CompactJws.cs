using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExoJobRunner.Sandbox.Entra;

/// <summary>
/// A JSON Web Signature in compact form (<c>base64url(header).base64url(payload).base64url(signature)</c>), parsed and
/// verified with System.Security.Cryptography: RS256 is RSASSA-PKCS1-v1_5 with SHA-256, PS256 is RSASSA-PSS with SHA-256.
/// </summary>
internal sealed class CompactJws
{
    /// <summary>The first second DateTimeOffset can't represent (year 10000).</summary>
    private const long MaxUnixSeconds = 253_402_300_800;

    private CompactJws(JsonElement header, JsonElement payload, byte[] signature, byte[] signingInput)
    {
        Header = header;
        Payload = payload;
        Signature = signature;
        SigningInput = signingInput;
    }

    public JsonElement Header { get; }

    public JsonElement Payload { get; }

    public byte[] Signature { get; }

    /// <summary>The ASCII bytes of <c>header.payload</c>, which the signature covers.</summary>
    public byte[] SigningInput { get; }

    public string? Algorithm => HeaderString("alg");

    public static bool TryParse(string token, out CompactJws? jws)
    {
        jws = null;
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        try
        {
            var header = ParseObject(parts[0]);
            var payload = ParseObject(parts[1]);
            if (header is null || payload is null)
            {
                return false;
            }

            jws = new CompactJws(header.Value, payload.Value, Base64Url.DecodeFromChars(parts[2]), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static string Sign(JsonObject header, JsonObject payload, RSA key)
    {
        header["alg"] = "RS256";
        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    public bool Verify(RSA key) => Algorithm switch
    {
        "RS256" => key.VerifyData(SigningInput, Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        "PS256" => key.VerifyData(SigningInput, Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
        _ => false,
    };

    public string? HeaderString(string name) => StringOf(Header, name);

    public string? ClaimString(string name) => StringOf(Payload, name);

    /// <summary>
    /// A NumericDate claim (seconds since the epoch) as a UTC time, or null when absent or unreadable. MSAL.NET writes
    /// <c>nbf</c> and <c>exp</c> as JSON strings ("1795819367"), which Entra accepts, so a numeric string counts too.
    /// </summary>
    public DateTimeOffset? ClaimTime(string name)
    {
        var text = Payload.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString(),
            _ => null,
        } : null;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    /// <summary>A claim that may be one string or an array of strings (<c>aud</c>, <c>roles</c>, <c>wids</c>).</summary>
    public IReadOnlyList<string> ClaimStrings(string name)
    {
        if (!Payload.TryGetProperty(name, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray(),
            _ => [],
        };
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement? ParseObject(string part)
    {
        using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(part));
        return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
    }

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
