using System.Buffers.Text;
using System.Text.Json;

namespace ExoJobRunner.Exchange.Diagnostics;

/// <summary>
/// The claim of an access token that says what the app may do: <c>roles</c>, the application permissions of the token's
/// resource (Exchange Online here) that were granted with admin consent. Read from the JWT's payload without checking
/// its signature: Exchange does that; the doctor only explains.
/// </summary>
internal sealed record AccessTokenPayload(IReadOnlyList<string> Roles)
{
    /// <summary>The claims of a compact JWT, or null when <paramref name="accessToken"/> is not one whose payload is JSON.</summary>
    public static AccessTokenPayload? TryRead(string accessToken)
    {
        var parts = accessToken.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return payload.RootElement.ValueKind == JsonValueKind.Object
                ? new AccessTokenPayload(Strings(payload.RootElement, "roles"))
                : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }

    private static string[] Strings(JsonElement payload, string claim) =>
        payload.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!)]
            : [];
}
