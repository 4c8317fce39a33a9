using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Configuration.Yaml;
using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Core.Configuration.Sections;

/// <summary>
/// Reads a profile's <c>sandbox: { mailboxes: 250, seed: 42, faults: "503:0.1" }</c> (in-process), or
/// <c>sandbox: { url: https://127.0.0.1:PORT/, serverCertificate: path.pem }</c> (a standalone <c>exojobs sandbox</c>).
/// </summary>
internal static class SandboxOptionsReader
{
    private static readonly MappingKeys Keys = new("the sandbox options", "mailboxes", "seed", "faults", "url", "serverCertificate");

    public static SandboxOptions Read(YamlEntry entry, YamlFile file)
    {
        var mapping = file.ReadMapping(entry);
        if (mapping is null)
        {
            return new SandboxOptions();
        }

        var keys = Keys.Select(mapping, file);
        var mailboxes = keys.TryGetValue("mailboxes", out var mailboxesEntry) ? file.ReadInt(mailboxesEntry, minimum: 1) : null;
        var seed = keys.TryGetValue("seed", out var seedEntry) ? file.ReadInt(seedEntry, minimum: int.MinValue) : null;
        var faults = keys.TryGetValue("faults", out var faultsEntry) ? ReadFaults(faultsEntry, file) : null;
        var url = keys.TryGetValue("url", out var urlEntry) ? ReadUrl(urlEntry, file) : null;
        var serverCertificate = keys.TryGetValue("serverCertificate", out var serverCertificateEntry) ? file.ReadPath(serverCertificateEntry) : null;
        if (urlEntry is not null && serverCertificateEntry is null)
        {
            file.Error(
                ConfigurationDiagnosticIds.MissingProfileKey,
                "a standalone sandbox ('url') needs 'serverCertificate': the server certificate file 'exojobs sandbox' printed, so the client trusts exactly that server",
                urlEntry.Key);
        }

        return new SandboxOptions(mailboxes ?? SandboxOptions.DefaultMailboxes, seed ?? SandboxOptions.DefaultSeed, faults, url, serverCertificate);
    }

    /// <summary>
    /// The fault spec, checked with the sandbox's own parser (handed in by the host) so that what loads is exactly what
    /// the sandbox will accept when a run starts it (it used to fail then, as "could not connect").
    /// </summary>
    private static string? ReadFaults(YamlEntry entry, YamlFile file)
    {
        var scalar = file.ReadScalar(entry);
        if (scalar is null || file.Options.CheckSandboxFaults?.Invoke(scalar.Value) is not { } problem)
        {
            return scalar?.Value;
        }

        file.Error(ConfigurationDiagnosticIds.InvalidFaultSpec, $"'faults' is not a fault spec: {problem}", scalar);
        return null;
    }

    private static Uri? ReadUrl(YamlEntry entry, YamlFile file)
    {
        var scalar = file.ReadScalar(entry);
        if (scalar is null)
        {
            return null;
        }

        if (Uri.TryCreate(scalar.Value.Trim(), UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps)
        {
            return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
        }

        file.Error(
            ConfigurationDiagnosticIds.InvalidValue,
            $"sandbox url '{scalar.Value}' is not an https address; use the one 'exojobs sandbox' printed, e.g. https://127.0.0.1:5443/",
            scalar);
        return null;
    }
}
