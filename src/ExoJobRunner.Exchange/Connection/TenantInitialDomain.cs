namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// The domain every tenant is created with (contoso.onmicrosoft.com), which Exchange Online's <c>-Organization</c>
/// requires for app-only access: a tenant id is refused, and a custom domain connects but then fails with permission
/// errors. Configuration, the connector and <c>exojobs doctor</c> classify an organization here, so they agree.
/// </summary>
public static class TenantInitialDomain
{
    /// <summary>How an organization value fares against <see cref="SuffixesFor"/>.</summary>
    public enum Kind
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

    /// <summary>
    /// The initial-domain suffixes of a cloud: onmicrosoft.com worldwide (and in the sandbox); sovereign clouds use their
    /// own (GCC High and DoD tenants onmicrosoft.us, 21Vianet tenants partner.onmschina.cn).
    /// </summary>
    public static IReadOnlyList<string> SuffixesFor(ExchangeEnvironment environment) => environment switch
    {
        ExchangeEnvironment.O365USGovGCCHigh or ExchangeEnvironment.O365USGovDoD => [".onmicrosoft.us", ".onmicrosoft.com"],
        ExchangeEnvironment.O365China => [".partner.onmschina.cn", ".onmschina.cn"],
        _ => [".onmicrosoft.com"],
    };

    public static Kind Classify(string? organization, ExchangeEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(organization))
        {
            return Kind.Missing;
        }

        if (Guid.TryParse(organization, out _))
        {
            return Kind.TenantId;
        }

        if (!organization.Contains('.', StringComparison.Ordinal))
        {
            return Kind.NotADomain;
        }

        return SuffixesFor(environment).Any(suffix => organization.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            ? Kind.InitialDomain
            : Kind.OtherDomain;
    }

    /// <summary>An example initial domain for the cloud, for messages: contoso.onmicrosoft.com, contoso.onmicrosoft.us …</summary>
    public static string ExampleFor(ExchangeEnvironment environment) => "contoso" + SuffixesFor(environment)[0];
}
