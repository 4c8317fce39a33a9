using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Recipients;

/// <summary>Get-User: the directory users behind mailboxes, mail users and guests.</summary>
internal sealed class GetUserCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.GetUser;

    public CmdletOutput Invoke(CmdletContext context) => RecipientQuery.Run(
        context,
        context.Tenant.Users,
        r => r.Kind.IsUser(),
        UserShape.Shape,
        UserShape.Shape.Properties,
        "Identity");
}
