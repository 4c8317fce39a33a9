using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Groups;

/// <summary>
/// Get-UnifiedGroupLinks: a Microsoft 365 group's members, owners or subscribers (every member is subscribed in the
/// sandbox). Aggregators and event subscribers are always empty.
/// </summary>
internal sealed class GetUnifiedGroupLinksCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.GetUnifiedGroupLinks;

    public CmdletOutput Invoke(CmdletContext context)
    {
        var group = context.ResolveParameter("Identity", GetUnifiedGroupCmdlet.IsUnifiedGroup);
        var membership = context.Tenant.MembershipOf(group);
        IReadOnlyList<Recipient> links = context.Parameters.String("LinkType") switch
        {
            "Members" or "Subscribers" => membership.Members,
            "Owners" => membership.Owners,
            _ => [],
        };
        return new CmdletOutput(
            new RecordSet<Recipient>(links, RecipientShape.Shape.Properties, null, context.Parameters.ResultSize),
            []);
    }
}
