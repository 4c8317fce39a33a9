using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Groups;

/// <summary>Add-DistributionGroupMember: adds a user to a distribution group; adding a member twice is an error.</summary>
internal sealed class AddDistributionGroupMemberCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.AddDistributionGroupMember;

    public CmdletOutput Invoke(CmdletContext context)
    {
        var group = context.ResolveParameter("Identity", GetDistributionGroupCmdlet.IsDistributionGroup);
        var member = context.ResolveParameter("Member", r => r.Kind.IsUser());
        var members = context.Tenant.MembershipOf(group).Members;
        if (members.Contains(member))
        {
            throw ExchangeErrors.AlreadyMember(context.Parameters.Identity("Member"), context.Parameters.Identity("Identity"));
        }

        members.Add(member);
        context.Touch(group);
        return CmdletOutput.Nothing();
    }
}
