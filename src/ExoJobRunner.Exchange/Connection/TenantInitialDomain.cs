namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// The domain every tenant is created with (contoso.onmicrosoft.com), which Exchange Online's <c>-Organization</c>
/// requires for app-only access: a tenant id is refused, and a custom domain connects but then fails with permission
/// errors. Configuration, the connector and <c>exojobs doctor</c> classify an organization here, so they agree.
/// </summary>
public static class TenantInitialDomain
{
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

    public static OrganizationDomainKind Classify(string? organization, ExchangeEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(organization))
        {
            return OrganizationDomainKind.Missing;
        }

        if (Guid.TryParse(organization, out _))
        {
            return OrganizationDomainKind.TenantId;
        }

        if (!organization.Contains('.', StringComparison.Ordinal))
        {
            return OrganizationDomainKind.NotADomain;
        }

        return SuffixesFor(environment).Any(suffix => organization.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            ? OrganizationDomainKind.InitialDomain
            : OrganizationDomainKind.OtherDomain;
    }

    /// <summary>An example initial domain for the cloud, for messages: contoso.onmicrosoft.com, contoso.onmicrosoft.us …</summary>
    public static string ExampleFor(ExchangeEnvironment environment) => "contoso" + SuffixesFor(environment)[0];
}
