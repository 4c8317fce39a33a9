using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Output;

/// <summary>Get-UnifiedGroup's output for Microsoft 365 groups.</summary>
internal static class UnifiedGroupShape
{
    public static OutputShape<Recipient> Create(SandboxTenant tenant) => new(
    [
        .. RecipientProperties.Identity(),
        new("AccessType", r => r.IsPublicGroup ? "Public" : "Private"),
        new("ManagedBy", r => tenant.MembershipOf(r).Owners.Select(owner => owner.Name).ToArray()),
        new("GroupMemberCount", r => tenant.MembershipOf(r).Members.Count),
        new("GroupExternalMemberCount", r => tenant.MembershipOf(r).Members.Count(m => m.Kind == RecipientKind.GuestMailUser)),
        new("HiddenFromAddressListsEnabled", r => r.HiddenFromAddressListsEnabled),
        new("HiddenFromExchangeClientsEnabled", _ => true),
        new("Notes", r => $"Workspace for {r.DisplayName}."),
        new("SharePointSiteUrl", r => $"https://{tenant.Domains.Initial[..tenant.Domains.Initial.IndexOf('.', StringComparison.Ordinal)]}.sharepoint.com/sites/{r.Alias}"),
        new("ExchangeGuid", r => r.ExchangeGuid),
        .. RecipientProperties.CustomAttributes(),
        .. RecipientProperties.Housekeeping(),
    ]);
}
