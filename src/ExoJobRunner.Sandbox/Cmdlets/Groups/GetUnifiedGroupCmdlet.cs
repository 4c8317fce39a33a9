using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Groups;

/// <summary>Get-UnifiedGroup: the tenant's Microsoft 365 groups.</summary>
internal sealed class GetUnifiedGroupCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.GetUnifiedGroup;

    public CmdletOutput Invoke(CmdletContext context) => RecipientQuery.Run(
        context,
        context.Tenant.UnifiedGroups,
        IsUnifiedGroup,
        context.Shapes.UnifiedGroup,
        context.Shapes.UnifiedGroup.Properties,
        "Identity");

    public static bool IsUnifiedGroup(Recipient recipient) => recipient.Kind == RecipientKind.GroupMailbox;
}
