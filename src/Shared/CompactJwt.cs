using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ExoJobRunner.Shared;

/// <summary>
/// A JSON Web Token in compact form, <c>base64url(header).base64url(payload).base64url(signature)</c>, read without
/// checking its signature: the doctor reads what an access token grants, the sandbox reads client assertions and its own
/// tokens and verifies them with <see cref="SigningInput"/> and <see cref="Signature"/>.
/// </summary>
internal sealed class CompactJwt
{
    /// <summary>The first second DateTimeOffset can't represent (year 10000).</summary>
    private const long MaxUnixSeconds = 253_402_300_800;

    /// <summary>The first second DateTimeOffset can represent (year 1).</summary>
    private const long MinUnixSeconds = -62_135_596_800;

    private CompactJwt(JsonElement header, JsonElement payload, byte[] signature, byte[] signingInput)
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

    /// <summary>The header's <c>alg</c>.</summary>
    public string? Algorithm => HeaderString("alg");

    /// <summary>The token, or null when it isn't three base64url parts whose first two are JSON objects.</summary>
    public static CompactJwt? TryRead(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            return ParseObject(parts[0]) is { } header && ParseObject(parts[1]) is { } payload
                ? new CompactJwt(header, payload, Base64Url.DecodeFromChars(parts[2]), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"))
                : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }

    public string? HeaderString(string name) => StringOf(Header, name);

    public string? ClaimString(string name) => StringOf(Payload, name);

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
            JsonValueKind.Array => [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            _ => [],
        };
    }

    public bool HasClaim(string name) => Payload.TryGetProperty(name, out _);

    /// <summary>
    /// A NumericDate claim as a UTC time, or null when absent or unreadable. RFC 7519 defines NumericDate as a JSON number
    /// of seconds since the epoch, fractions allowed ("1795819367.25"); MSAL.NET writes <c>nbf</c> and <c>exp</c> as JSON
    /// strings ("1795819367"), which Entra accepts, so a numeric string counts too.
    /// </summary>
    public DateTimeOffset? ClaimTime(string name)
    {
        if (!Payload.TryGetProperty(name, out var value))
        {
            return null;
        }

        var readable = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out var number) ? number : (decimal?)null,
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number
                : null,
            _ => null,
        };
        return readable is { } seconds && seconds >= MinUnixSeconds && seconds < MaxUnixSeconds
            ? DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond))
            : null;
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement? ParseObject(string part)
    {
        using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(part));
        return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
    }
}
