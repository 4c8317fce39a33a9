using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Mailboxes;

/// <summary>Get-Mailbox: user, shared and room mailboxes with every mailbox property.</summary>
internal sealed class GetMailboxCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.GetMailbox;

    public CmdletOutput Invoke(CmdletContext context) => RecipientQuery.Run(
        context,
        context.Tenant.Mailboxes,
        r => r.Kind.IsMailbox(),
        MailboxShape.Shape,
        MailboxShape.Shape.Properties,
        "Identity");
}
