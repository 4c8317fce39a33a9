using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Configuration.Yaml;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Shared;

namespace ExoJobRunner.Core.Configuration.Sections;

/// <summary>Reads one entry under <c>profiles:</c> into a <see cref="ConnectionProfile"/>.</summary>
internal static class ProfileReader
{
    private static readonly MappingKeys Keys = new("a profile", "environment", "sandbox", "appId", "organization", "certificate");

    private static readonly IReadOnlyDictionary<string, YamlEntry> NoEntries = new Dictionary<string, YamlEntry>();

    /// <summary>
    /// Always returns a profile (so jobs naming it are not also reported as using an unknown profile); whatever is
    /// wrong with it has been reported to <paramref name="file"/>.
    /// </summary>
    public static ConnectionProfile Read(YamlEntry entry, YamlFile file)
    {
        var mapping = file.ReadMapping(entry);
        var location = file.At(entry.Key);
        if (mapping is null && entry.Value is not YamlScalar { IsNull: true })
        {
            return new ConnectionProfile { Name = entry.Name, Location = location };
        }

        var keys = mapping is null ? NoEntries : Keys.Select(mapping, file);

        // An unknown environment is reported once; the checks that depend on the cloud are then skipped.
        var environment = keys.TryGetValue("environment", out var environmentEntry)
            ? ReadEnvironment(environmentEntry, file)
            : ExchangeEnvironment.O365Default;
        var isSandbox = environment == ExchangeEnvironment.Sandbox;
        var isKnownCloud = environment is not null && !isSandbox;

        var appId = keys.TryGetValue("appId", out var appIdEntry) ? ReadAppId(appIdEntry, file) : null;
        var organization = keys.TryGetValue("organization", out var organizationEntry)
            ? ReadOrganization(organizationEntry, isKnownCloud ? environment : null, file)
            : null;
        var certificate = keys.TryGetValue("certificate", out var certificateEntry)
            ? CertificateReader.Read(certificateEntry, file)
            : null;
        SandboxOptions? sandbox = null;
        if (keys.TryGetValue("sandbox", out var sandboxEntry))
        {
            sandbox = SandboxOptionsReader.Read(sandboxEntry, file);
            if (isKnownCloud)
            {
                file.Error(
                    ConfigurationDiagnosticIds.SandboxOptionsWithoutSandbox,
                    $"profile '{entry.Name}' has 'sandbox' options but its environment is {environment}; remove them, or set environment: Sandbox",
                    sandboxEntry.Key);
            }
        }
        else if (isSandbox)
        {
            sandbox = new SandboxOptions();
        }

        if (isKnownCloud)
        {
            RequireKey(entry, keys, "appId", "the application (client) id of the app registration, a GUID", file);
            RequireKey(entry, keys, "organization", "the tenant's *.onmicrosoft.com domain, e.g. contoso.onmicrosoft.com", file);
            RequireKey(entry, keys, "certificate", "the app's certificate: thumbprint, path (PFX) or pem + key", file);
        }

        return new ConnectionProfile
        {
            Name = entry.Name,
            Location = location,
            Environment = environment ?? ExchangeEnvironment.O365Default,
            AppId = appId,
            Organization = organization,
            Certificate = certificate,
            Sandbox = sandbox,
        };
    }

    private static void RequireKey(YamlEntry profile, IReadOnlyDictionary<string, YamlEntry> keys, string key, string meaning, YamlFile file)
    {
        if (keys.TryGetValue(key, out var present) && present.Value is not YamlScalar { IsNull: true })
        {
            return;
        }

        file.Error(
            ConfigurationDiagnosticIds.MissingProfileKey,
            $"profile '{profile.Name}' is missing '{key}': {meaning}; every environment but Sandbox needs it",
            profile.Key);
    }

    private static ExchangeEnvironment? ReadEnvironment(YamlEntry entry, YamlFile file)
    {
        var scalar = file.ReadScalar(entry);
        if (scalar is null)
        {
            return ExchangeEnvironment.O365Default;
        }

        var names = Enum.GetNames<ExchangeEnvironment>();
        var match = names.FirstOrDefault(name => string.Equals(name, scalar.Value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return Enum.Parse<ExchangeEnvironment>(match);
        }

        var suggestion = EditDistance.ClosestMatch(scalar.Value, names);
        var hint = suggestion is null ? string.Empty : $"did you mean '{suggestion}'? ";
        file.Error(
            ConfigurationDiagnosticIds.InvalidValue,
            $"unknown environment '{scalar.Value}'; {hint}use one of: {string.Join(", ", names)}",
            scalar);
        return null;
    }

    private static string? ReadAppId(YamlEntry entry, YamlFile file)
    {
        var scalar = file.ReadScalar(entry);
        if (scalar is null)
        {
            return null;
        }

        if (Guid.TryParse(scalar.Value, out var appId))
        {
            return appId.ToString("D");
        }

        file.Error(
            ConfigurationDiagnosticIds.InvalidValue,
            $"'appId' must be the application (client) id of the app registration, a GUID such as 00000000-0000-0000-0000-000000000000, not '{scalar.Value}'",
            scalar);
        return null;
    }

    /// <param name="cloud">The profile's cloud, or null when its rules do not apply (the sandbox, or an unknown environment).</param>
    private static string? ReadOrganization(YamlEntry entry, ExchangeEnvironment? cloud, YamlFile file)
    {
        var scalar = file.ReadScalar(entry);
        if (scalar is null)
        {
            return null;
        }

        var organization = scalar.Value.Trim();
        if (cloud is null)
        {
            return organization;
        }

        if (Guid.TryParse(organization, out _))
        {
            file.Error(
                ConfigurationDiagnosticIds.OrganizationIsTenantId,
                $"'organization' is a tenant id ('{organization}'); Exchange Online refuses it: use the tenant's *.onmicrosoft.com domain, e.g. contoso.onmicrosoft.com, not the tenant id",
                scalar);
            return null;
        }

        if (TenantInitialDomain.Classify(organization, cloud.Value) != OrganizationDomainKind.InitialDomain)
        {
            var initialDomains = TenantInitialDomain.SuffixesFor(cloud.Value);
            file.Warning(
                ConfigurationDiagnosticIds.OrganizationNotInitialDomain,
                $"'organization' is '{organization}', not the tenant's initial domain ({string.Join(" or ", initialDomains.Select(suffix => "*" + suffix))}); it connects, but cmdlets then fail with permission errors: use e.g. contoso{initialDomains[0]}",
                scalar);
        }

        return organization;
    }
}
