using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Recipients;

/// <summary>Get-MailUser: mail users and guests.</summary>
internal sealed class GetMailUserCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.GetMailUser;

    public CmdletOutput Invoke(CmdletContext context) => RecipientQuery.Run(
        context,
        context.Tenant.MailUsers,
        r => r.Kind.IsMailUser(),
        MailUserShape.Shape,
        MailUserShape.Shape.Properties,
        "Identity");
}
