using System.Globalization;
using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Configuration.Yaml;
using ExoJobRunner.Exchange.Certificates;

namespace ExoJobRunner.Core.Configuration.Sections;

/// <summary>
/// Reads a profile's <c>certificate:</c>. Only the shape is checked here; whether the store entry or the files
/// exist, and whether the certificate is usable, is checked when the session connects.
/// </summary>
internal static class CertificateReader
{
    private const int Sha1ThumbprintLength = 40;

    private static readonly MappingKeys Keys = new("the certificate", "thumbprint", "store", "path", "password", "pem", "key");

    private static readonly string[] SourceKeys = ["thumbprint", "path", "pem"];

    private const string Choices = "thumbprint: <SHA-1 thumbprint> (a certificate store), path: <file.pfx> (with password: { env: NAME } if it has one), or pem: <cert.pem> with key: <key.pem>";

    public static CertificateSource? Read(YamlEntry entry, YamlFile file)
    {
        var mapping = file.ReadMapping(entry);
        if (mapping is null)
        {
            return null;
        }

        var keys = Keys.Select(mapping, file);
        var sources = mapping.Entries.Where(candidate => SourceKeys.Contains(candidate.Name, StringComparer.Ordinal)).ToList();
        // With only a store, key or password the companion checks below say what is missing, more precisely.
        if (sources.Count == 0 && !keys.ContainsKey("key") && !keys.ContainsKey("store") && !keys.ContainsKey("password"))
        {
            file.Error(
                ConfigurationDiagnosticIds.InvalidCertificateSource,
                $"'certificate' names no certificate; write one of {Choices}",
                entry.Key);
        }

        foreach (var extra in sources.Skip(1))
        {
            file.Error(
                ConfigurationDiagnosticIds.InvalidCertificateSource,
                $"'certificate' has both '{sources[0].Name}' and '{extra.Name}'; keep exactly one of thumbprint, path (PFX) or pem + key",
                extra.Key);
        }

        RequireCompanion(keys, "key", "pem", "the private key file goes with a PEM certificate: add pem: <cert.pem>", file);
        RequireCompanion(keys, "store", "thumbprint", "a store is where a thumbprint is looked up: add thumbprint: <SHA-1 thumbprint>", file);
        RequireCompanion(keys, "password", "path", "a password opens a PFX file: add path: <file.pfx>", file);

        return new CertificateSource
        {
            Thumbprint = keys.TryGetValue("thumbprint", out var thumbprint) ? ReadThumbprint(thumbprint, file) : null,
            Store = keys.TryGetValue("store", out var store) ? ReadStore(store, file) : null,
            PfxPath = keys.TryGetValue("path", out var path) ? file.ReadPath(path) : null,
            PfxPassword = keys.TryGetValue("password", out var password) ? ReadPassword(password, file) : null,
            PemCertificatePath = keys.TryGetValue("pem", out var pem) ? file.ReadPath(pem) : null,

            // Without key: the private key is read from the pem file itself (a combined certificate + key PEM).
            PemKeyPath = keys.TryGetValue("key", out var key) ? file.ReadPath(key) : null,
        };
    }

    private static void RequireCompanion(IReadOnlyDictionary<string, YamlEntry> keys, string key, string companion, string advice, YamlFile file)
    {
        if (keys.TryGetValue(key, out var entry) && !keys.ContainsKey(companion))
        {
            file.Error(
                ConfigurationDiagnosticIds.InvalidCertificateSource,
                $"'{key}' without '{companion}' in 'certificate': {advice}",
                entry.Key);
        }
    }

    private static string? ReadThumbprint(YamlEntry entry, YamlFile file)
    {
        var scalar = file.ReadScalar(entry);
        if (scalar is null)
        {
            return null;
        }

        // The Windows certificate dialog puts an invisible left-to-right mark (U+200E) in front of the thumbprint
        // it shows; pasted along, it makes the store lookup fail with a thumbprint that looks right.
        var invisible = scalar.Value.FirstOrDefault(character => char.GetUnicodeCategory(character) == UnicodeCategory.Format);
        if (invisible != default)
        {
            file.Error(
                ConfigurationDiagnosticIds.InvalidValue,
                string.Create(CultureInfo.InvariantCulture, $"'thumbprint' contains an invisible character (U+{(int)invisible:X4}), usually pasted from the Windows certificate dialog; type the thumbprint again"),
                scalar);
            return null;
        }

        var thumbprint = string.Concat(scalar.Value.Where(character => !char.IsWhiteSpace(character))).ToUpperInvariant();
        if (thumbprint.Length != Sha1ThumbprintLength || !thumbprint.All(char.IsAsciiHexDigit))
        {
            file.Error(
                ConfigurationDiagnosticIds.InvalidValue,
                $"'thumbprint' must be the certificate's SHA-1 thumbprint, 40 hexadecimal characters, not '{scalar.Value}'",
                scalar);
            return null;
        }

        return thumbprint;
    }

    private static CertificateStoreScope? ReadStore(YamlEntry entry, YamlFile file)
    {
        var scalar = file.ReadScalar(entry);
        if (scalar is null)
        {
            return null;
        }

        foreach (var scope in Enum.GetValues<CertificateStoreScope>())
        {
            if (string.Equals(scope.ToString(), scalar.Value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return scope;
            }
        }

        file.Error(
            ConfigurationDiagnosticIds.InvalidValue,
            $"'store' must be CurrentUser or LocalMachine, not '{scalar.Value}'",
            scalar);
        return null;
    }

    private static SecretReference? ReadPassword(YamlEntry entry, YamlFile file)
    {
        if (entry.Value is not YamlScalar { IsNull: false })
        {
            return SecretReferenceReader.Read(entry, file, ConfigurationDiagnosticIds.InvalidCertificateSource);
        }

        // The value itself is never repeated: it is a secret that must not reach a console or a CI log.
        file.Error(
            ConfigurationDiagnosticIds.LiteralPassword,
            "'password' is written in the YAML file; never write a password in YAML: use password: { env: NAME } or { file: path }, and change the password if this file was ever shared",
            entry.Value);
        return null;
    }
}
