using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Groups;

/// <summary>Remove-DistributionGroupMember: removes a member; removing someone who isn't one is an error.</summary>
internal sealed class RemoveDistributionGroupMemberCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.RemoveDistributionGroupMember;

    public CmdletOutput Invoke(CmdletContext context)
    {
        var group = context.ResolveParameter("Identity", GetDistributionGroupCmdlet.IsDistributionGroup);
        var member = context.ResolveParameter("Member", r => r.Kind.IsUser());
        if (!context.Tenant.MembershipOf(group).Members.Remove(member))
        {
            throw ExchangeErrors.NotMember(context.Parameters.Identity("Member"), context.Parameters.Identity("Identity"));
        }

        context.Touch(group);
        return CmdletOutput.Nothing();
    }
}
