using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Mailboxes;

/// <summary>Get-EXOMailbox: Get-Mailbox's objects, returning the Minimum property set unless more is asked for.</summary>
internal sealed class GetExoMailboxCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.GetExoMailbox;

    public CmdletOutput Invoke(CmdletContext context) => RecipientQuery.Run(
        context,
        context.Tenant.Mailboxes,
        r => r.Kind.IsMailbox(),
        MailboxShape.Shape,
        ExoPropertySelection.Resolve(Signature.Name, context.Parameters, MailboxShape.Shape, MailboxShape.PropertySets),
        "Identity",
        "UserPrincipalName",
        "PrimarySmtpAddress",
        "ExternalDirectoryObjectId");
}
