using ExoJobRunner.Sandbox.Registration;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Entra;

/// <summary>The sandbox tenant as Entra sees it: its id, its domains, its cloud and the app registrations in it.</summary>
internal sealed class SandboxDirectory
{
    private readonly Dictionary<string, RegisteredApp> apps = new(StringComparer.OrdinalIgnoreCase);

    public SandboxDirectory(SandboxTenant tenant, IReadOnlyList<SandboxAppRegistration> registrations, SandboxCloud cloud)
    {
        TenantId = tenant.TenantId;
        Cloud = cloud;
        Domains = tenant.Domains;
        DisplayName = tenant.Organization.DisplayName;
        for (var i = 0; i < registrations.Count; i++)
        {
            apps[registrations[i].AppId] = new RegisteredApp(registrations[i], tenant.Ids.Encode(ObjectIdPurpose.ServicePrincipal, i));
        }
    }

    public Guid TenantId { get; }

    public TenantDomains Domains { get; }

    public SandboxCloud Cloud { get; }

    /// <summary>The names a URL may give this tenant by: its id and its two domains.</summary>
    public IReadOnlyList<string> TenantNames => [TenantId.ToString(), Domains.Initial, Domains.Default];

    /// <summary>The directory's display name, which AADSTS700016 quotes.</summary>
    public string DisplayName { get; }

    /// <summary>Whether a URL's tenant segment names this tenant: its id (any GUID format) or one of its domains.</summary>
    public bool Identifies(string tenant) =>
        (Guid.TryParse(tenant, out var id) && id == TenantId)
        || string.Equals(tenant, Domains.Initial, StringComparison.OrdinalIgnoreCase)
        || string.Equals(tenant, Domains.Default, StringComparison.OrdinalIgnoreCase);

    public RegisteredApp? FindApp(string appId) => apps.GetValueOrDefault(appId.Trim());
}
