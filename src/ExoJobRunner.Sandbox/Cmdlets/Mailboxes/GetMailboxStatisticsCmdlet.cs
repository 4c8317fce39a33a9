using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Mailboxes;

/// <summary>Get-MailboxStatistics: size and item counts of one mailbox.</summary>
internal sealed class GetMailboxStatisticsCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.GetMailboxStatistics;

    public CmdletOutput Invoke(CmdletContext context)
    {
        var mailbox = context.ResolveParameter("Identity", r => r.Kind.IsMailbox());
        return CmdletOutput.Of([MailboxStatistics.For(mailbox)], MailboxStatisticsShape.Shape.Properties);
    }
}
