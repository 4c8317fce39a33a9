using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Output;

/// <summary>Get-DistributionGroup's output. <c>ManagedBy</c> reads the group's membership, generated on first use.</summary>
internal static class DistributionGroupShape
{
    public static OutputShape<Recipient> Create(SandboxTenant tenant) => new(
    [
        .. RecipientProperties.Identity(),
        new("GroupType", _ => "Universal"),
        new("ManagedBy", r => tenant.MembershipOf(r).Owners.Select(owner => owner.Name).ToArray()),
        new("MemberJoinRestriction", _ => "Closed"),
        new("MemberDepartRestriction", _ => "Closed"),
        new("RequireSenderAuthenticationEnabled", _ => true),
        new("HiddenFromAddressListsEnabled", r => r.HiddenFromAddressListsEnabled),
        .. RecipientProperties.CustomAttributes(),
        .. RecipientProperties.Housekeeping(),
    ]);
}
