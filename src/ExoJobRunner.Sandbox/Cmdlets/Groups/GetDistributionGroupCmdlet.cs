using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Groups;

/// <summary>Get-DistributionGroup: the tenant's distribution lists.</summary>
internal sealed class GetDistributionGroupCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.GetDistributionGroup;

    public CmdletOutput Invoke(CmdletContext context) => RecipientQuery.Run(
        context,
        context.Tenant.DistributionGroups,
        IsDistributionGroup,
        context.Shapes.DistributionGroup,
        context.Shapes.DistributionGroup.Properties,
        "Identity");

    public static bool IsDistributionGroup(Recipient recipient) => recipient.Kind == RecipientKind.MailUniversalDistributionGroup;
}
