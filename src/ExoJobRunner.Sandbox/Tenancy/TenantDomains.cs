namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>
/// The tenant's two accepted domains and the directory names Exchange prints around objects. <see cref="Initial"/> is the
/// <c>*.onmicrosoft.com</c> domain (what <c>-Organization</c> takes); <see cref="Default"/> is the custom domain addresses use.
/// </summary>
internal sealed record TenantDomains(string Initial, string Default)
{
    private const string Forest = "SBXPR01A001.PROD.OUTLOOK.COM";

    /// <summary>The "server" Exchange names in "couldn't be found on '…'" errors.</summary>
    public static string DirectoryServer => "SBXPR01A001DC001." + Forest;

    public string OrganizationalUnit =>
        $"OU={Initial},OU=Microsoft Exchange Hosted Organizations,DC=SBXPR01A001,DC=PROD,DC=OUTLOOK,DC=COM";

    public string OrganizationId =>
        $"{Forest}/Microsoft Exchange Hosted Organizations/{Initial} - {Forest}/ConfigurationUnits/{Initial}/Configuration";

    /// <summary><c>sandbox.onmicrosoft.com</c> gets the custom domain <c>sandbox.example</c>.</summary>
    public static TenantDomains For(string organization)
    {
        var label = organization[..organization.IndexOf('.', StringComparison.Ordinal)];
        return new TenantDomains(organization.ToLowerInvariant(), label.ToLowerInvariant() + ".example");
    }
}
