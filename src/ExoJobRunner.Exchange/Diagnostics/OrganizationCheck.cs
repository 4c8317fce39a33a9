using ExoJobRunner.Doctor;
using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Exchange.Diagnostics;

/// <summary>
/// The organization is the tenant's initial domain (<c>*.onmicrosoft.com</c>): Exchange Online refuses a tenant id, and
/// with a custom domain a token is issued but every cmdlet then fails with a permission error that hides the cause.
/// </summary>
internal sealed class OrganizationCheck(ConnectionCheckContext context) : DoctorCheck
{
    public override string Name => "Organization";

    public override Task<DoctorCheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var settings = context.RequireSettings();
        if (context.ProvidedSignIn is { } provided)
        {
            return Task.FromResult(DoctorCheckResult.Passed($"{provided.Organization} ({context.Environment.Name}'s)"));
        }

        var organization = settings.Organization;
        var fix = FixFor(settings.Environment);
        var profile = settings.ProfileName;
        return Task.FromResult(TenantInitialDomain.Classify(organization, settings.Environment) switch
        {
            OrganizationDomainKind.Missing => DoctorCheckResult.Failed(
                DoctorFailureKind.Other, "not set", $"Profile '{profile}' has no organization.", fix),
            OrganizationDomainKind.TenantId => DoctorCheckResult.Failed(
                DoctorFailureKind.Other,
                $"'{organization}' is a tenant id",
                $"Profile '{profile}' names the organization by its tenant id '{organization}', which Exchange Online refuses.",
                fix),
            OrganizationDomainKind.NotADomain => DoctorCheckResult.Failed(
                DoctorFailureKind.Other,
                $"'{organization}' is not a domain",
                $"Profile '{profile}' names the organization '{organization}', which is not a domain.",
                fix),
            OrganizationDomainKind.OtherDomain => DoctorCheckResult.Failed(
                DoctorFailureKind.Other,
                $"'{organization}' is not the tenant's {Suffixes(settings.Environment)} domain",
                $"Profile '{profile}' names the organization '{organization}', a custom domain: Entra ID issues a token for it, " +
                "but Exchange Online then refuses every cmdlet with a permission error.",
                fix),
            _ => DoctorCheckResult.Passed(organization!),
        });
    }

    private static string FixFor(ExchangeEnvironment environment) =>
        $"Set organization: to the tenant's initial domain, e.g. {TenantInitialDomain.ExampleFor(environment)}. Find it in the " +
        $"Microsoft Entra admin center under Identity > Settings > Domain names (the domain ending in {Suffixes(environment)}), " +
        "or in the Microsoft 365 admin center under Settings > Domains.";

    private static string Suffixes(ExchangeEnvironment environment) =>
        string.Join(" or ", TenantInitialDomain.SuffixesFor(environment).Select(suffix => "*" + suffix));
}
