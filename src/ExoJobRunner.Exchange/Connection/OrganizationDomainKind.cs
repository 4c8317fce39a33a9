namespace ExoJobRunner.Exchange.Connection;

/// <summary>What a profile's organization value is, as <see cref="TenantInitialDomain.Classify"/> tells it.</summary>
public enum OrganizationDomainKind
{
    Missing,

    /// <summary>A GUID: the tenant id, which Exchange Online refuses as an organization.</summary>
    TenantId,

    /// <summary>No dot: not a domain at all (a tenant's display name, say).</summary>
    NotADomain,

    /// <summary>A domain, but not the tenant's initial one (a custom domain such as contoso.com).</summary>
    OtherDomain,
    InitialDomain,
}
