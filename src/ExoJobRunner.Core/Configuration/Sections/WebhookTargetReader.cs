using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Configuration.Yaml;
using ExoJobRunner.Core.Notifications;

namespace ExoJobRunner.Core.Configuration.Sections;

/// <summary>
/// Reads <c>webhook: { url: …, format: json|teams|slack, headers: { Name: value } }</c>. The URL and each header value
/// may be written in the file or read from <c>{ env: NAME }</c> / <c>{ file: path }</c>; a credential written in the
/// file (an Authorization header, user:password in a URL) is refused, as a password is.
/// </summary>
internal static class WebhookTargetReader
{
    private static readonly MappingKeys Keys = new("a webhook", "url", "format", "headers");

    /// <summary>Headers whose value is always a credential.</summary>
    private static readonly string[] CredentialHeaders = ["Authorization", "Proxy-Authorization"];

    public static WebhookTarget? Read(YamlEntry entry, YamlFile file)
    {
        if (entry.Value is YamlScalar { IsNull: false })
        {
            file.Error(
                ConfigurationDiagnosticIds.WrongType,
                "'webhook' must be a mapping such as webhook: { url: https://…, format: teams }, not a single value",
                entry.Value);
            return null;
        }

        var mapping = file.ReadMapping(entry);
        var keys = mapping is null ? new Dictionary<string, YamlEntry>() : Keys.Select(mapping, file);
        if (!keys.TryGetValue("url", out var urlEntry))
        {
            if (mapping is not null || entry.Value is YamlScalar { IsNull: true })
            {
                file.Error(
                    ConfigurationDiagnosticIds.InvalidNotificationTarget,
                    "'webhook' needs 'url': the address to POST to, such as url: { env: TEAMS_WEBHOOK_URL } or url: https://hooks.example.com/exojobs",
                    entry.Key);
            }

            return null;
        }

        var url = ReadUrl(urlEntry, file);
        var format = keys.TryGetValue("format", out var formatEntry)
            ? file.ReadChoice(formatEntry, ("json", WebhookFormat.Json), ("teams", WebhookFormat.Teams), ("slack", WebhookFormat.Slack))
            : WebhookFormat.Json;
        var headers = keys.TryGetValue("headers", out var headersEntry) ? ReadHeaders(headersEntry, file) : [];
        return url is null || format is null || headers is null ? null : new WebhookTarget(url, format.Value, headers);
    }

    private static LiteralOrSecret? ReadUrl(YamlEntry entry, YamlFile file)
    {
        if (entry.Value is YamlMapping)
        {
            var reference = SecretReferenceReader.Read(entry, file, ConfigurationDiagnosticIds.InvalidSecretReference);
            return reference is null ? null : LiteralOrSecret.FromSecret(reference);
        }

        var scalar = file.ReadScalar(entry);
        if (scalar is null)
        {
            if (entry.Value is YamlScalar { IsNull: true })
            {
                file.Error(ConfigurationDiagnosticIds.InvalidWebhookUrl, "'url' is empty; write the address to POST to, or url: { env: NAME }", entry.Key);
            }

            return null;
        }

        // The value is not repeated in messages: a webhook URL often is the credential (Slack, Teams Workflows).
        if (!WebhookUrls.TryParse(scalar.Value, out var url))
        {
            file.Error(
                ConfigurationDiagnosticIds.InvalidWebhookUrl,
                "'url' must be an absolute http:// or https:// URL, such as https://hooks.example.com/exojobs",
                scalar);
            return null;
        }

        if (url.UserInfo.Length > 0)
        {
            file.Error(
                ConfigurationDiagnosticIds.LiteralWebhookCredential,
                "'url' holds a user name and password; never write credentials in YAML: use url: { env: NAME } or { file: path }, and change the password if this file was ever shared",
                scalar);
            return null;
        }

        return LiteralOrSecret.Literal(scalar.Value.Trim());
    }

    /// <summary>The headers in file order; null when any of them is wrong (each reported).</summary>
    private static List<WebhookHeader>? ReadHeaders(YamlEntry entry, YamlFile file)
    {
        var mapping = file.ReadMapping(entry);
        if (mapping is null)
        {
            return [];
        }

        var headers = new List<WebhookHeader>();
        var allRead = true;
        foreach (var header in mapping.Entries)
        {
            var value = ReadHeader(header, file);
            allRead &= value is not null;
            if (value is not null)
            {
                headers.Add(new WebhookHeader(header.Name, value));
            }
        }

        return allRead ? headers : null;
    }

    private static LiteralOrSecret? ReadHeader(YamlEntry header, YamlFile file)
    {
        if (!IsHeaderName(header.Name))
        {
            file.Error(
                ConfigurationDiagnosticIds.InvalidValue,
                $"'{header.Name}' is not an HTTP header name; use letters, digits and '-', such as X-Api-Key",
                header.Key);
            return null;
        }

        switch (header.Value)
        {
            case YamlMapping:
                var reference = SecretReferenceReader.Read(header, file, ConfigurationDiagnosticIds.InvalidSecretReference);
                return reference is null ? null : LiteralOrSecret.FromSecret(reference);
            case YamlScalar { IsNull: true }:
                file.Error(ConfigurationDiagnosticIds.InvalidValue, $"header '{header.Name}' has no value", header.Key);
                return null;
            case YamlScalar when CredentialHeaders.Contains(header.Name, StringComparer.OrdinalIgnoreCase):
                // The value itself is never repeated: it is a credential that must not reach a console or a CI log.
                file.Error(
                    ConfigurationDiagnosticIds.LiteralWebhookCredential,
                    $"the value of header '{header.Name}' is written in the YAML file; never write a credential in YAML: use {header.Name}: {{ env: NAME }} or {{ file: path }}, and revoke it if this file was ever shared",
                    header.Value);
                return null;
            default:
                var scalar = file.ReadScalar(header);
                return scalar is null ? null : LiteralOrSecret.Literal(scalar.Value);
        }
    }

    /// <summary>An RFC 9110 token: what HTTP allows in a field name.</summary>
    private static bool IsHeaderName(string name) =>
        name.Length > 0 && name.All(character => char.IsAsciiLetterOrDigit(character) || "!#$%&'*+-.^_`|~".Contains(character, StringComparison.Ordinal));
}
