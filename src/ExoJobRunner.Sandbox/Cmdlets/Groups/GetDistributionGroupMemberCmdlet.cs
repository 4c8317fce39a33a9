using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Groups;

/// <summary>Get-DistributionGroupMember: a distribution group's members as recipients.</summary>
internal sealed class GetDistributionGroupMemberCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.GetDistributionGroupMember;

    public CmdletOutput Invoke(CmdletContext context)
    {
        var group = context.ResolveParameter("Identity", GetDistributionGroupCmdlet.IsDistributionGroup);
        var members = context.Tenant.MembershipOf(group).Members;
        return new CmdletOutput(
            new RecordSet<Recipient>(members, RecipientShape.Shape.Properties, null, context.Parameters.ResultSize),
            []);
    }
}
