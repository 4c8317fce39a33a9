using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Output;

/// <summary>Get-AcceptedDomain's output.</summary>
internal static class AcceptedDomainShape
{
    public static readonly OutputShape<AcceptedDomain> Shape = new(
    [
        new("Name", d => d.Name),
        new("DomainName", d => d.DomainName),
        new("DomainType", _ => "Authoritative"),
        new("Default", d => d.IsDefault),
        new("InitialDomain", d => d.IsInitial),
        new("MatchSubDomains", _ => false),
        new("AddressBookEnabled", _ => true),
        new("Identity", d => d.Name),
        new("Id", d => d.Name),
        new("Guid", d => d.Guid),
        new("IsValid", _ => true),
    ]);
}
