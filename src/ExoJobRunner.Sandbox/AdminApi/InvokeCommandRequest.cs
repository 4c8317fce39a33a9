using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ExoJobRunner.Sandbox.AdminApi;

/// <summary>
/// The body of an InvokeCommand request, <c>{"CmdletInput":{"CmdletName":"Get-Mailbox","Parameters":{…}}}</c>, read from a
/// parsed document that the caller keeps alive while the parameters are bound.
/// </summary>
internal sealed record InvokeCommandRequest(string CmdletName, JsonElement Parameters)
{
    public const string ExpectedShape = "{\"CmdletInput\":{\"CmdletName\":\"Get-Mailbox\",\"Parameters\":{\"ResultSize\":\"Unlimited\"}}}";

    public static InvokeCommandRequest? From(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object
            || Property(body, "CmdletInput") is not { ValueKind: JsonValueKind.Object } input
            || Property(input, "CmdletName") is not { ValueKind: JsonValueKind.String } name
            || string.IsNullOrWhiteSpace(name.GetString()))
        {
            return null;
        }

        return new InvokeCommandRequest(name.GetString()!.Trim(), Property(input, "Parameters") ?? default);
    }

    /// <summary>
    /// A short hash of the cmdlet and its parameters (names case-insensitively sorted, values as sent), so a skip token
    /// can only continue the request that produced it.
    /// </summary>
    public string Fingerprint()
    {
        var canonical = new StringBuilder(CmdletName.ToUpperInvariant());
        if (Parameters.ValueKind == JsonValueKind.Object)
        {
            foreach (var parameter in Parameters.EnumerateObject().OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
            {
                canonical.Append('\n').Append(parameter.Name.ToUpperInvariant()).Append('=').Append(parameter.Value.GetRawText());
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())), 0, 8);
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
