using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Mailboxes;

/// <summary>Get-MailboxAutoReplyConfiguration: one mailbox's automatic-reply settings.</summary>
internal sealed class GetMailboxAutoReplyConfigurationCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.GetMailboxAutoReplyConfiguration;

    public CmdletOutput Invoke(CmdletContext context)
    {
        var mailbox = context.ResolveParameter("Identity", r => r.Kind.IsMailbox());
        return CmdletOutput.Of([new AutoReplyRow(mailbox, AutoReplyConfiguration.Of(mailbox))], AutoReplyShape.Shape.Properties);
    }
}
