using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;

namespace ExoJobRunner.Sandbox.Cmdlets.Recipients;

/// <summary>Get-Recipient: every mail-enabled object, mailboxes to Microsoft 365 groups.</summary>
internal sealed class GetRecipientCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.GetRecipient;

    public CmdletOutput Invoke(CmdletContext context) => RecipientQuery.Run(
        context,
        context.Tenant.Recipients,
        _ => true,
        RecipientShape.Shape,
        RecipientShape.Shape.Properties,
        "Identity");
}
