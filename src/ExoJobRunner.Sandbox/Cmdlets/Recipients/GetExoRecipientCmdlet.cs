using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;

namespace ExoJobRunner.Sandbox.Cmdlets.Recipients;

/// <summary>Get-EXORecipient: Get-Recipient's objects with the Minimum property set unless more is asked for.</summary>
internal sealed class GetExoRecipientCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.GetExoRecipient;

    public CmdletOutput Invoke(CmdletContext context) => RecipientQuery.Run(
        context,
        context.Tenant.Recipients,
        _ => true,
        RecipientShape.Shape,
        ExoPropertySelection.Resolve(Signature.Name, context.Parameters, RecipientShape.Shape, RecipientShape.PropertySets),
        "Identity",
        "PrimarySmtpAddress",
        "ExternalDirectoryObjectId");
}
